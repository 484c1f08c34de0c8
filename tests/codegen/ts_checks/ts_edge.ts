// Type-level checks of the TS generated from specs/ts_edge.yaml (see shop.ts for how they work).
import type {
  Date as DateSchema, Flags, Json, Meta, Open, operations, Origin, Pair, paths, Record as RecordSchema, Shape,
  webhooks, Widget,
} from "./api.gen";

export const widget: Widget = {
  id: "1", "2fa-required": true, default: "a", "with space": null, extra: "text", pair: ["a", 1, true, false],
  meta: { size: 1, "x-on": true }, shape: { shapeType: "circle", radius: 1 }, kind: "widget",
};
export const noWidget: Widget = null;
// @ts-expect-error 2fa-required is required
export const missing: Widget = { id: "1", default: "a" };
// @ts-expect-error undeclared properties must be strings (or one of the declared types)
export const badExtra: Widget = { id: "1", "2fa-required": true, default: "b", extra: { size: "x" } };
// @ts-expect-error id is readOnly
if (widget) widget.id = "2";
// @ts-expect-error `default` is "a" or "b"
export const badDefault: Widget = { id: "1", "2fa-required": true, default: "c" };
// @ts-expect-error the tuple needs its two leading items
export const shortPair: Pair = ["a"];
// @ts-expect-error further items are booleans
export const badRest: Pair = ["a", 1, "b"];
export const meta: Meta = { "x-a": false };
// @ts-expect-error size is an integer
export const badMeta: Meta = { size: "1" };
export const round: Shape = { shapeType: "round", radius: 1 };
// @ts-expect-error "square" tags a Square, which has a side, not a radius
export const badShape: Shape = { shapeType: "square", radius: 1 };
// @ts-expect-error the discriminator narrows the tag
export const badTag: Shape = { shapeType: "triangle", side: 1 };
export const json: Json = { a: [1, "x", { b: true }] };
// @ts-expect-error Json has no null
export const nullJson: Json = { a: null };
export const origin: Origin = { lat: 1.5, tags: ["a", null] };
// @ts-expect-error the const is exact
export const badOrigin: Origin = { lat: 2, tags: ["a", null] };
export const flags: Flags[] = [0, 1, -1];
// @ts-expect-error 2 is not a flag
export const badFlag: Flags = 2;
export const record: RecordSchema = { at: "2024-01-01T00:00:00Z" };
export const date: DateSchema = "2024-01-01";
export const open: Open = { anything: [1] };

type Changed = webhooks["widgetChanged"]["post"]["requestBody"]["content"]["application/json"];
export const changed: Changed = { shapeType: "square", side: 2 };
type Put = operations["put-widget"];
export const params: Put["parameters"] = { query: { ids: [1, 2] }, path: { "widget-id": "w" } };
// @ts-expect-error ids is a required query parameter
export const noIds: Put["parameters"] = { query: {}, path: { "widget-id": "w" } };
type Replaced = paths["/widgets/{widget-id}"]["put"]["responses"]["2XX"];
export const replaced: Replaced = { headers: { "X-Rate-Limit": 1 }, content: { "application/json": null } };
// @ts-expect-error the header is an integer
export const badReplaced: Replaced = { headers: { "X-Rate-Limit": "1" }, content: { "application/json": null } };
type Raw = NonNullable<Put["requestBody"]>["content"]["application/octet-stream"];
export const raw: Raw = new Uint8Array(1);
