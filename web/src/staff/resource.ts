// What the account page knows of each answer it loads on its own (pure; test/staffAccount.test.mjs).
import type { ApiError } from "./api.ts";

export type Resource<T> =
  | { state: "loading" }
  | { state: "ready"; data: T }
  | { state: "failed"; error: ApiError };

/** The data of a resource that has answered, else null. */
export function dataOf<T>(r: Resource<T>): T | null {
  return r.state === "ready" ? r.data : null;
}
