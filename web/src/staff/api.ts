// Staff API client: a fetch wrapper that sends the staff bearer token and turns
// RFC 9457 problem+json responses (and network failures) into ApiError.

import type { Money } from "../shared/money";
import type { AmountOwed } from "../shared/owed";

export type { AmountOwed };

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  field?: string;
}

export class ApiError extends Error implements Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number; // 0 = no HTTP response (network error)
  readonly detail: string;
  readonly field?: string;

  constructor(p: Problem) {
    super(p.detail || p.title);
    this.name = "ApiError";
    this.type = p.type;
    this.title = p.title;
    this.status = p.status;
    this.detail = p.detail || p.title;
    this.field = p.field;
  }
}

// ---- response shapes -------------------------------------------------------

export interface AccountSummary {
  account_number: string;
  customer_name: string;
  service_address: string;
  zip: string;
  status: string;
  balance: Money;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface Address {
  line1: string;
  line2?: string;
  city: string;
  state: string;
  zip: string;
}

export interface Meter {
  serial: string;
  kind: string;
  channels: string[];
  installed_on: string;
}

export interface Agreement {
  id: number;
  commodity: string;
  service_address: Address;
  rate_plan: { code: string; name: string };
  start_date: string;
  end_date: string | null;
  meters: Meter[];
}

export interface AccountEvent {
  kind: string;
  occurred_at: string;
  summary: string;
}

export interface AccountDetail {
  account_number: string;
  status: string;
  customer: { name: string; email?: string; phone?: string };
  mailing_address: Address;
  language: string;
  bill_cycle: number;
  balance: Money;
  /** What is owed now, by when and why (the figures the portal shows the customer). */
  owed: AmountOwed;
  opened_on: string;
  agreements: Agreement[];
  events: AccountEvent[];
}

// ---- transport --------------------------------------------------------------

async function toError(res: Response): Promise<ApiError> {
  const type = res.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    try {
      const p = (await res.json()) as Partial<Problem>;
      return new ApiError({
        type: p.type ?? "about:blank",
        title: p.title ?? res.statusText,
        status: p.status ?? res.status,
        detail: p.detail ?? p.title ?? `Request failed (HTTP ${res.status}).`,
        field: p.field,
      });
    } catch {
      // fall through: not valid JSON
    }
  }
  return new ApiError({
    type: "about:blank",
    title: res.statusText,
    status: res.status,
    detail: `Request failed (HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}).`,
  });
}

export async function getJson<T>(path: string, token: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      headers: { Accept: "application/json", Authorization: `Bearer ${token}` },
      signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError({
      type: "about:blank",
      title: "Network error",
      status: 0,
      detail: "Could not reach the server. Check your connection and try again.",
    });
  }
  if (!res.ok) throw await toError(res);
  return (await res.json()) as T;
}

// ---- endpoints ----------------------------------------------------------------

export function searchAccounts(q: string, token: string, signal?: AbortSignal) {
  const params = new URLSearchParams({ q, limit: "20" });
  return getJson<Page<AccountSummary>>(`/api/v1/staff/accounts?${params}`, token, signal);
}

export function getAccount(number: string, token: string, signal?: AbortSignal) {
  return getJson<AccountDetail>(
    `/api/v1/staff/accounts/${encodeURIComponent(number)}`,
    token,
    signal,
  );
}
