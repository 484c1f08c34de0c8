// Type-level checks of the TS generated from specs/v30.yaml, upgraded from 3.0 (see shop.ts).
import type { operations, Thing } from "./api.gen";

export const thing: Thing = { name: null, color: null, parent: { parent: null }, kind: 1, size: 2 };
// @ts-expect-error size is not nullable
export const nullSize: Thing = { size: null };
// @ts-expect-error not a colour of the enum
export const blue: Thing = { color: "blue" };
type Query = NonNullable<operations["listThings"]["parameters"]["query"]>;
export const query: Query = { limit: 10 };
