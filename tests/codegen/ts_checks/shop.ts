// Type-level checks of the TS generated from specs/shop.yaml: values the spec allows compile,
// and each `@ts-expect-error` line must be rejected (tsc reports an unused directive otherwise).
import type {
  Alias, components, Empty, Extended, IdOrName, Item, Labels, operations, paths, Pet, PetExplicit,
  PetOrNull, Point, Priority, Refined, Scalars, Status, Tree, Version,
} from "./api.gen";

const item: Item = {
  sku: "a", price: 1.5, quantity: 2, status: "sold-out", priority: null, tags: ["x"], extra: { any: 1 },
  parent: { sku: "p", price: 2 }, supplier: { name: "s", contact: { phone: null } }, count: 2 ** 40,
};
// @ts-expect-error price is required
export const noPrice: Item = { sku: "a" };
// @ts-expect-error sku is readOnly
item.sku = "b";
// @ts-expect-error status is not nullable
export const nullStatus: Item = { sku: "a", price: 1, status: null };
// @ts-expect-error phone is a string or null, not a number
export const badPhone: Item = { sku: "a", price: 1, supplier: { contact: { phone: 1 } } };
export const status: Status = "2fa-required";
// @ts-expect-error not one of the enum's values
export const badStatus: Status = "gone";
export const priority: Priority[] = [1, 3, null];
// @ts-expect-error 4 is not a priority
export const badPriority: Priority = 4;
export const version: Version = "v1";
// @ts-expect-error const v1
export const badVersion: Version = "v2";
export const point: Point = [1, 2];
// @ts-expect-error the tuple is closed (items: false)
export const longPoint: Point = [1, 2, 3];
export const labels: Labels = { a: "b" };
// @ts-expect-error label values are strings
export const badLabels: Labels = { a: 1 };
export const empty: Empty = {};
// @ts-expect-error additionalProperties: false
export const notEmpty: Empty = { a: 1 };
export const tree: Tree = { value: 1, children: [{ children: [{ value: 2 }] }] };
export const pet: Pet = { kind: "dog", barks: true };
// @ts-expect-error no variant has kind "cow"
export const cow: Pet = { kind: "cow" };
export const explicit: PetExplicit = { kind: "cat", meows: false };
export const noPet: PetOrNull = null;
export const ids: IdOrName[] = [1, "one"];
// @ts-expect-error neither integer nor string
export const badId: IdOrName = true;
export const scalars: Scalars[] = ["a", 1];
export const extended: Extended = { id: "1", name: "n" };
// @ts-expect-error name is required in Extended
export const badExtended: Extended = { id: "1" };
export const refined: Refined = { id: "1", createdAt: "2024-01-01T00:00:00Z" };
// @ts-expect-error Refined makes createdAt required
export const badRefined: Refined = { id: "1" };
export const alias: Alias = "7a4b0f5c-0000-4000-8000-000000000000";
export const lowerStatus: components["schemas"]["status"] = { ok: true };

type Listed = operations["listOrders"]["responses"][200]["content"]["application/json"];
export const listed: Listed = [item];
type CreateBody = NonNullable<paths["/orders"]["post"]["requestBody"]>["content"]["application/json"];
export const body: CreateBody = { items: [{ sku: "a", price: 1 }], note: null };
// @ts-expect-error items is required
export const emptyBody: CreateBody = { note: "x" };
type ListQuery = NonNullable<paths["/orders"]["get"]["parameters"]["query"]>;
export const query: ListQuery = { status: ["open", "closed"] };
// @ts-expect-error not an allowed status
export const badQuery: ListQuery = { status: ["pending"] };
type Headers = paths["/orders"]["get"]["parameters"]["header"];
// @ts-expect-error X-Tenant is required on GET /orders
export const noTenant: Headers = {};
type Created = operations["createOrder"]["responses"][201];
export const created: Created = { headers: { Location: "/orders/1" }, content: { "application/json": { id: "x" } } };
// @ts-expect-error the Location header is required
export const noLocation: Created = { headers: {}, content: { "application/json": {} } };
type OrderPath = operations["getOrdersByOrderId"]["parameters"]["path"];
// @ts-expect-error orderId is a number
export const badOrderId: OrderPath = { orderId: "1" };
