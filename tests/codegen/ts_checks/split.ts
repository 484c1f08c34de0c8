// Type-level checks of the TS generated from specs/split/root.yaml (see shop.ts for how they work).
import type { components, operations, Owner, Pet, Tag } from "./api.gen";

export const owner: Owner = { name: "o", pets: [{ name: "p", tag: "indoor", owner: { pets: [] } }] };
// @ts-expect-error a pet needs a name
export const nameless: Owner = { pets: [{ tag: "indoor" }] };
// @ts-expect-error not a tag
export const attic: Tag = "attic";
export const pet: Pet = { name: "p" };
export const viaComponents: components["schemas"]["Owner"] = owner;
type Listed = operations["listPets"]["responses"][200]["content"]["application/json"];
export const listed: Listed = [pet];
