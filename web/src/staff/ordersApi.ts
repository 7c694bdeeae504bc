// The dispatcher's and the field's API (src/api/routes.cc): open orders by window or with none
// (accounts.read), one order with its site and meters, moving an order (orders.dispatch for the
// dispatcher's moves, orders.field for the field's; the server checks which), and the field
// crews with their visits on a day (accounts.read; listing or changing one, orders.dispatch).
// Field moves carry an Idempotency-Key (fieldQueue.ts); a photo needs none (the server keeps the
// same image once an order). Relative imports end in .ts for the unit tests.

import { getJson, getJsonAnswer, request } from "./api.ts";
import { COPY_FOR_HEADER, COPY_MADE_AT_HEADER } from "./fieldOffline.ts";
import type { KeptPhoto, ServiceOrder } from "../portal/types.ts";
import type { CrewChange, CrewDay, MoveAction } from "./dispatch.ts";

const ORDERS = "/api/v1/staff/service-orders";

/** The most orders one answer holds (the server's maximum): a day's board is one request. */
export const BOARD_LIMIT = 5000;

/**
 * Narrows a list: `area`, only orders whose work is in that five-digit ZIP code (else 422 naming
 * `area`); `crew`, with a window's from and to, only that crew's orders (its name exactly as the
 * server has it).
 */
export interface OrderFilter {
  area?: string | null;
  crew?: string | null;
}

function listQuery(fields: Record<string, string>, filter: OrderFilter): URLSearchParams {
  const q = new URLSearchParams(fields);
  if (filter.area) q.set("area", filter.area);
  if (filter.crew) q.set("crew", filter.crew);
  q.set("limit", String(BOARD_LIMIT));
  return q;
}

/** Open orders whose window starts in [from, to), oldest first. */
export async function fetchWindowOrders(from: string, to: string, signal?: AbortSignal, filter: OrderFilter = {}): Promise<ServiceOrder[]> {
  return (await getJson<{ orders: ServiceOrder[] }>(`${ORDERS}?${listQuery({ from, to }, filter)}`, signal)).orders ?? [];
}

/** Open orders that need a visit and have no window (failed visits to schedule again among them). */
export async function fetchUnscheduledOrders(signal?: AbortSignal, filter: OrderFilter = {}): Promise<ServiceOrder[]> {
  return (await getJson<{ orders: ServiceOrder[] }>(`${ORDERS}?${listQuery({ unscheduled: "true" }, filter)}`, signal)).orders ?? [];
}

/** A meter in place where the work is, with a register meter's last accepted reading. */
export interface SiteMeter {
  commodity: string;
  serial: string | null;
  kind: string;
  unit: string;
  /** Read automatically (AMI): no reading is asked for. */
  automatic: boolean;
  last_reading: string | null;
  last_read_at: string | null;
}

export interface OrderSite {
  line1: string;
  line2: string;
  city: string;
  state: string;
  zip: string;
  meters: SiteMeter[];
}

export type SitedOrder = ServiceOrder & { site?: OrderSite };

/** One order with its moves and its site. */
export async function fetchOrder(number: string, signal?: AbortSignal): Promise<SitedOrder> {
  return (await getJson<{ order: SitedOrder }>(`${ORDERS}/${encodeURIComponent(number)}`, signal)).order;
}

/**
 * An answer the field page shows, and when it is the copy kept on the phone (public/field-sw.js
 * answers so with no connection), when that copy was made; null for the server's answer.
 */
export interface FieldAnswer<T> {
  value: T;
  copiedAt: string | null;
}

/** The field page's request: marked for its service worker to keep a copy for `technician` (a staff id). */
async function fieldGet<T>(path: string, technician: number, signal?: AbortSignal): Promise<{ body: T; copiedAt: string | null }> {
  const { body, headers } = await getJsonAnswer<T>(path, { [COPY_FOR_HEADER]: String(technician) }, signal);
  return { body, copiedAt: headers.get(COPY_MADE_AT_HEADER) };
}

/**
 * The day's open orders of one crew (chosen on the page), as the field page asks for them: only
 * that crew's orders reach the phone, and only they are kept there (public/field-sw.js keeps the
 * answer by its address, crew included). `crew` must not be empty.
 */
export async function fetchFieldDay(from: string, to: string, crew: string, technician: number, signal?: AbortSignal): Promise<FieldAnswer<ServiceOrder[]>> {
  if (!crew.trim()) throw new Error("fetchFieldDay needs the crew: the field page never asks for every crew's day");
  const { body, copiedAt } = await fieldGet<{ orders: ServiceOrder[] }>(`${ORDERS}?${listQuery({ from, to }, { crew: crew.trim() })}`, technician, signal);
  return { value: body.orders ?? [], copiedAt };
}

/** One order with its site and meters, as the field page asks for it. */
export async function fetchFieldOrder(number: string, technician: number, signal?: AbortSignal): Promise<FieldAnswer<SitedOrder>> {
  const { body, copiedAt } = await fieldGet<{ order: SitedOrder }>(`${ORDERS}/${encodeURIComponent(number)}`, technician, signal);
  return { value: body.order, copiedAt };
}

export interface MoveBody {
  action: MoveAction;
  window_start?: string;
  window_end?: string;
  crew?: string;
  note?: string;
  reads?: { meter: string; reading: string; confirmed?: boolean }[];
  /** Completing an exchange or install: the meter put in. */
  new_meter?: NewMeterBody;
}

/** The meter an exchange or install puts in, as the complete move takes it (src/api/order_handlers.cc). */
export interface NewMeterBody {
  serial: string;
  kind: "ami" | "amr" | "manual";
  channels: { name: string; unit: string; interval_minutes: number | null }[];
}

/** Moves an order; with `key`, a resent move answers the order as it is (replayed: true). */
export function moveOrder(number: string, body: MoveBody, key?: string): Promise<{ order: ServiceOrder; replayed?: boolean }> {
  return request<{ order: ServiceOrder; replayed?: boolean }>(
    "POST",
    `${ORDERS}/${encodeURIComponent(number)}/moves`,
    body,
    undefined,
    key ? { "Idempotency-Key": key } : {},
  );
}

/** What a technician's photo shows: the dial read, the site, why the visit could not be done. */
export type OrderPhotoPurpose = "reading" | "site" | "failure";

/**
 * Keeps a photo (its bytes the whole body, at most the server's body limit: shrinkPhoto.ts) with
 * an order (orders.field). The same image again answers the photo kept before (replayed: true);
 * 409 too-many-photos past 10, 422 field "file" for what is not an image, 413 too large.
 */
export function postOrderPhoto(number: string, purpose: OrderPhotoPurpose, photo: Blob): Promise<{ photo: KeptPhoto; replayed: boolean }> {
  const q = new URLSearchParams({ purpose });
  return request<{ photo: KeptPhoto; replayed: boolean }>("POST", `${ORDERS}/${encodeURIComponent(number)}/photos?${q}`, photo);
}

/** Where a photo kept by the server is (with the session cookie: an <img> may show it). */
export function staffPhotoPath(id: number): string {
  return `/api/v1/staff/photos/${encodeURIComponent(String(id))}`;
}

const CREWS = "/api/v1/staff/crews";

/** Every listed crew and every crew booked on `day` (the utility's local day), with its visits booked that day. */
export async function fetchCrews(day: string, signal?: AbortSignal): Promise<CrewDay[]> {
  return (await getJson<{ day: string; crews: CrewDay[] }>(`${CREWS}?${new URLSearchParams({ day })}`, signal)).crews ?? [];
}

/** Lists a crew, or changes its visits a day and whether it is working; answers the crew (422 naming name or orders_per_day). */
export function saveCrew(change: CrewChange): Promise<CrewDay> {
  return request<CrewDay>("POST", CREWS, change);
}

/** The utility's zone from its public facts (GET /api/v1/utility): every window is on its clocks. */
export async function fetchUtilityTimeZone(signal?: AbortSignal): Promise<string | null> {
  const answer = await getJson<{ time_zone?: string | null }>("/api/v1/utility", signal);
  return answer.time_zone ?? null;
}
