// Starting service, open to anyone (docs/openapi.yaml): the premises whose street starts as typed
// (422 naming `address` or `zip`; none: the utility does not serve it), and an application, made
// once per Idempotency-Key (the same key sent again answers the application made the first time;
// 409 premise-served, 422 naming a field, 429 after 5 an hour from one address).
import { request } from "./api.ts";
import { premiseQuery } from "./startService.ts";
import type { AddressSearch } from "./startService.ts";
import type { ApplicationAnswer, Premise, ServiceApplication } from "./types.ts";

export const findPremises = (search: AddressSearch, signal?: AbortSignal) =>
  request<{ premises: Premise[] }>("GET", `/api/v1/premises?${premiseQuery(search)}`, { signal, session: false });

export const applyForService = (application: ServiceApplication, idempotencyKey: string) =>
  request<ApplicationAnswer>("POST", "/api/v1/service-applications", {
    body: application,
    headers: { "Idempotency-Key": idempotencyKey },
    session: false,
  });
