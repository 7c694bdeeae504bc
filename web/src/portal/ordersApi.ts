// Service requests (docs/openapi.yaml, /api/v1/accounts/{number}/service-orders): the account's
// requests, newest first; one request with its history; asking for one (once per Idempotency-Key:
// the same key sent again answers the request made the first time); cancelling one (409
// order-move-not-allowed once a crew is on the way); a photo kept with one, by its address.
import { accountPath, get, post } from "./api.ts";
import type { NewOrder, ServiceOrder } from "./types.ts";

const orderPart = (number: string) => `service-orders/${encodeURIComponent(number)}`;

export const fetchOrders = (account: string, signal?: AbortSignal) =>
  get<{ orders: ServiceOrder[] }>(accountPath(account, "service-orders"), signal);

export const fetchOrder = (account: string, number: string, signal?: AbortSignal) =>
  get<{ order: ServiceOrder }>(accountPath(account, orderPart(number)), signal);

/** Asks for a request; 422 naming a field, 409 when a move-out is already open or there is no service. */
export const askForOrder = (account: string, order: NewOrder, idempotencyKey: string) =>
  post<{ order: ServiceOrder; replayed: boolean }>(accountPath(account, "service-orders"), order, {
    "Idempotency-Key": idempotencyKey,
  });

export const cancelOrder = (account: string, number: string) =>
  post<{ order: ServiceOrder }>(accountPath(account, `${orderPart(number)}/cancel`));

/**
 * Where a photo kept with one of the account's orders is fetched (an image, sent as a download):
 * the same address is an <img> source and the link to the full photo. The server answers 404 for
 * a photo of another account, so only the account in the session is ever named.
 */
export const orderPhotoPath = (account: string, photo: number) =>
  accountPath(account, `photos/${encodeURIComponent(String(photo))}`);
