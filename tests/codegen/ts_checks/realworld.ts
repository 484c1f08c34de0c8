// Type-level checks of the TS generated from specs/realworld.yaml (see shop.ts): a request may
// leave out the required readOnly `id`, a response the required writeOnly `password`.
import type { Account, operations } from "./api.gen";

type Put = operations["putAccount"];
type Sent = Put["requestBody"]["content"]["application/json"];
type Answered = Put["responses"][200]["content"]["application/json"];

export const request: Sent = { name: "n", password: "p" };
export const response: Answered = { id: "1", name: "n" };
export const stored: Account = { id: "1", name: "n", password: "p" };
// @ts-expect-error a request still needs the writeOnly password
export const noPassword: Sent = { name: "n" };
// @ts-expect-error a response still needs the readOnly id
export const noId: Answered = { name: "n", password: "p" };
// @ts-expect-error the schema itself keeps both required
export const partial: Account = { name: "n" };
