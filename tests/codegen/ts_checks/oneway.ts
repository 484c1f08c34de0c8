// Type-level checks of the TS generated from specs/oneway.yaml: a request may leave out required
// readOnly properties and a response required writeOnly ones at any depth (in nested objects,
// arrays, maps, unions, recursive references), while every other property stays as the schema says.
import type { $Request, $Response, Order, operations } from "./api.gen";

type Create = operations["createOrder"];
type Sent = Create["requestBody"]["content"]["application/json"];
type Answered = Create["responses"][201]["content"]["application/json"];
type BatchSent = operations["createBatch"]["requestBody"]["content"]["application/json"];
type BatchAnswered = operations["createBatch"]["responses"][200]["content"]["application/json"];

export const request: Sent = {
  pet: { name: "rex" },
  owner: { secret: "s", pets: [{ name: "a" }] },
  extras: { spare: { name: "b" } },
  parent: { pet: { name: "c" }, owner: { secret: "t", pets: [] } },
  item: { name: "d" },
};
export const response: Answered = {
  id: "1",
  pet: { id: "p", name: "n" },
  owner: { pets: [{ id: "q", name: "m" }] },
  item: { pets: [] },
};
export const batch: BatchSent = [{ pet: { name: "x" }, owner: { secret: "s", pets: [] } }];
export const stored: BatchAnswered = [{ id: "1", pet: { id: "p", name: "n" }, owner: { pets: [] } }];
// What the schema describes is a valid request and a valid response as well.
declare const full: Order;
export const fullRequest: Sent = full;
export const fullResponse: Answered = full;
export const named: $Request["Pet"] = { name: "n" };
export const answeredOwner: $Response["Owner"] = { pets: [] };
// @ts-expect-error a pet in a request still needs its name
export const noName: Sent = { pet: {}, owner: { secret: "s", pets: [] } };
// @ts-expect-error a request still needs the writeOnly secret, however deep
export const noSecret: Sent = { pet: { name: "n" }, owner: { pets: [] } };
// @ts-expect-error a response still needs the readOnly id of a nested pet
export const noNestedId: Answered = { id: "1", pet: { name: "n" }, owner: { pets: [] } };
// @ts-expect-error an array response still needs the readOnly ids
export const noIdInBatch: BatchAnswered = [{ pet: { id: "p", name: "n" }, owner: { pets: [] } }];
// @ts-expect-error the schema itself keeps them all required
export const partial: Order = { pet: { name: "n" }, owner: { secret: "s", pets: [] } };
