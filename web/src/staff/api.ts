// Staff API client. The session is a cookie (rp_staff, set by signing in; fetch sends it with
// credentials "same-origin"), so no key or token is kept in the page. Every POST/PUT/DELETE sends
// the session's CSRF token (X-CSRF-Token). RFC 9457 problem+json answers (and network failures)
// become ApiError. Its relative imports end in .ts so the unit tests can compile it for Node.

import type { Money } from "../shared/money.ts";
import { OVERLOAD_RETRIES, isOverloaded, retryDelayMs, wait } from "../shared/retry.ts";
import type { AmountOwed } from "../shared/owed.ts";
import { AUDIT_CSV_FILENAME, filenameFrom } from "./download.ts";
import { auditParams } from "./route.ts";
import type { AuditFilters } from "./route.ts";

export type { AmountOwed };

/** One parameter a 400 refused, and why (the problem's `invalid-params`, RFC 9457). */
export interface InvalidParam {
  name: string;
  reason: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  field?: string;
  /** The particular refusal, when the server names it ("mfa-code-wrong"). */
  code?: string;
  invalidParams?: InvalidParam[];
  /** A payment the card processor refused (402): the failed payment's confirmation number. */
  confirmation?: string;
}

export class ApiError extends Error implements Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number; // 0 = no HTTP response (network error)
  readonly detail: string;
  readonly field?: string;
  readonly code?: string;
  readonly invalidParams?: InvalidParam[];
  readonly confirmation?: string;

  constructor(p: Problem) {
    super(p.detail || p.title);
    this.name = "ApiError";
    this.type = p.type;
    this.title = p.title;
    this.status = p.status;
    this.detail = p.detail || p.title;
    this.field = p.field;
    this.code = p.code;
    this.invalidParams = p.invalidParams;
    this.confirmation = p.confirmation;
  }

  /** The problem type's last path segment: ".../mfa-required" -> "mfa-required". */
  get kind(): string {
    return this.type.split("/").pop() ?? "";
  }
}

// ---- response shapes -------------------------------------------------------

/** The signed-in staff user: GET /api/v1/staff/me, and the answer to signing in. */
export interface Staff {
  id: number;
  email: string;
  name: string;
  roles: string[];
  permissions: string[];
  /** Sent back as X-CSRF-Token with every POST/PUT/DELETE of this session. */
  csrf_token: string;
}

/** The first step of enrolment: the password is set; the authenticator app is next. */
export interface EnrolStart {
  email: string;
  name: string;
  /** Base32, for typing into the app by hand. */
  totp_secret: string;
  otpauth_uri: string;
  /** The otpauth URI as a QR code (an SVG document). */
  qr_svg: string;
}

/** Enrolment confirmed: signed in (the cookie is set), with the recovery codes, shown once. */
export interface EnrolDone extends Staff {
  recovery_codes: string[];
}

/** What a search result was found by (GET /api/v1/staff/accounts?q=...). */
export type MatchedOn =
  | "account_number"
  | "bill_number"
  | "payment_confirmation"
  | "meter_serial"
  | "phone"
  | "email"
  | "name_or_address";

export interface AccountSummary {
  account_number: string;
  customer_name: string;
  service_address: string;
  zip: string | null;
  status: string;
  balance: Money;
  matched_on?: MatchedOn | string;
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
  /** Who did it: "staff:3", "api_key:1", "customer:42", "system:autopay", "generate". */
  actor?: string;
  summary: string;
}

export type AuditOutcome = "done" | "refused" | "failed";

/** One record of the audit trail: who did what, to what, when, from where and how it ended. */
export interface AuditRecord {
  id: number;
  /** UTC instant. */
  at: string;
  /** "staff:3", "api_key:2", "customer:42", "system:cli", "anonymous". */
  actor: string;
  /** The actor's name ("Ana Admin"), when it has one. */
  actor_name?: string | null;
  /** "account.read", "staff.sign_in", "access.refused", ... */
  action: string;
  /** "account:17", or nothing. */
  target?: string | null;
  /** The target in words: "account 100000017". */
  target_label?: string | null;
  outcome: AuditOutcome | string;
  details: Record<string, unknown>;
  client_address?: string | null;
  user_agent?: string | null;
  request_id?: string | null;
}

/** A page of the audit trail, newest first; `next_before` asks for the page of older records. */
export interface AuditPage {
  records: AuditRecord[];
  next_before: number | null;
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
  /** The first service agreement's address; null for an account without one. */
  service_address?: Address | null;
  opened_on: string;
  closed_on?: string | null;
  /** What staff see beyond the customer's view (GET /api/v1/staff/accounts/{n} only). */
  staff_facts?: { portal_logins: number; late_fee_exemption: string | null; held_bills: number };
  agreements: Agreement[];
  events: AccountEvent[];
}

// ---- transport --------------------------------------------------------------

let csrfToken = "";

/** The CSRF token of the current session (Staff.csrf_token); "" when signed out. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Whether a fetch failed because the page cancelled it (navigated away, a newer search). */
export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === "AbortError";
}

/** The problem's `invalid-params` that have a name and a reason; undefined when there are none. */
function invalidParamsOf(value: unknown): InvalidParam[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const params = value
    .filter((p): p is InvalidParam => typeof p?.name === "string" && typeof p?.reason === "string")
    .map(({ name, reason }) => ({ name, reason }));
  return params.length > 0 ? params : undefined;
}

async function toError(res: Response): Promise<ApiError> {
  const type = res.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    try {
      const p = (await res.json()) as Partial<Problem> & { "invalid-params"?: unknown };
      return new ApiError({
        type: p.type ?? "about:blank",
        title: p.title ?? res.statusText,
        status: p.status ?? res.status,
        detail: p.detail ?? p.title ?? `Request failed (HTTP ${res.status}).`,
        field: p.field,
        code: typeof p.code === "string" ? p.code : undefined,
        invalidParams: invalidParamsOf(p["invalid-params"]),
        confirmation: typeof p.confirmation === "string" ? p.confirmation : undefined,
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

/** Any failure as an ApiError: an ApiError as it is; anything else (a bug) an "Unexpected error". */
export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError({
    type: "about:blank",
    title: "Unexpected error",
    status: 0,
    detail: e instanceof Error ? e.message : String(e),
  });
}

function networkError(): ApiError {
  return new ApiError({
    type: "about:blank",
    title: "Network error",
    status: 0,
    detail: "Could not reach the server. Check your connection and try again.",
  });
}

/**
 * A request body sent exactly as written (a tariff file the user chose or pasted), not a value
 * given to JSON.stringify: the server reads decimals from their text.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

/**
 * One request with the session cookie: the answer when it is a success, else an ApiError. A 503
 * "overloaded" (nothing done) is sent again up to OVERLOAD_RETRIES times, as the portal does.
 */
async function send(
  method: string,
  path: string,
  accept: string,
  body?: unknown,
  signal?: AbortSignal,
  extra: Record<string, string> = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...extra, Accept: accept };
  // A Blob (a photo) is sent as it is, its bytes the whole body; anything else as JSON.
  if (body instanceof Blob) headers["Content-Type"] = body.type || "application/octet-stream";
  else if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && method !== "HEAD" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  for (let attempt = 1; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : body instanceof Blob ? body : body instanceof JsonText ? body.text : JSON.stringify(body),
        credentials: "same-origin",
        signal,
      });
    } catch (e) {
      if (isAbort(e)) throw e;
      throw networkError();
    }
    // Too busy, nothing done: the same request again after the server's Retry-After (retry.ts).
    if (res.status === 503 && attempt <= OVERLOAD_RETRIES) {
      const problem = (await res.clone().json().catch(() => null)) as { type?: string } | null;
      if (isOverloaded(res.status, problem?.type)) {
        const after = Number(res.headers.get("retry-after") ?? "");
        await wait(retryDelayMs(attempt, Number.isFinite(after) ? after : undefined, Math.random()), signal);
        continue;
      }
    }
    if (!res.ok) throw await toError(res);
    return res;
  }
}

/** One API request with the session cookie; a JSON body when `body` is given (a Blob as it is); 204 is undefined. */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await send(method, path, "application/json", body, signal, headers);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return request<T>("GET", path, undefined, signal);
}

/**
 * A GET sending `headers`, answered with its JSON and the answer's headers (the field page reads
 * whether an answer is the copy its service worker kept: fieldOffline.ts).
 */
export async function getJsonAnswer<T>(path: string, headers: Record<string, string>, signal?: AbortSignal): Promise<{ body: T; headers: Headers }> {
  const res = await send("GET", path, "application/json", undefined, signal, headers);
  return { body: (await res.json()) as T, headers: res.headers };
}

// ---- sign-in ------------------------------------------------------------------

/** The signed-in user; 401 when there is no session. */
export function getMe(signal?: AbortSignal) {
  return getJson<Staff>("/api/v1/staff/me", signal);
}

/** Password and the authenticator's code (or a recovery code). 401 mfa-required, 401 sign-in-failed, 429 sign-in-locked. */
export function signIn(email: string, password: string, code: string) {
  return request<Staff>("POST", "/api/v1/staff/auth/login", { email, password, code });
}

export function signOut() {
  return request<void>("POST", "/api/v1/staff/auth/logout");
}

/** Enrolment, step 1: the one-time link's token and the new password. 410 link-expired; 422 field password. */
export function startEnrolment(token: string, password: string) {
  return request<EnrolStart>("POST", "/api/v1/staff/auth/enrol", { token, password });
}

/** Enrolment, step 2: the app's first code. Signs in. 422 mfa-code-wrong; 410 link-expired. */
export function confirmEnrolment(token: string, code: string) {
  return request<EnrolDone>("POST", "/api/v1/staff/auth/enrol/confirm", { token, code });
}

/**
 * Confirms it is still the same person before a sensitive action that answered 403
 * reauthentication-required (problems.ts needsReauthentication); then repeat the action. 204.
 */
export function reauthenticate(password: string, code: string) {
  return request<void>("POST", "/api/v1/staff/auth/reauthenticate", { password, code });
}

// ---- accounts -------------------------------------------------------------------

export function searchAccounts(q: string, signal?: AbortSignal) {
  const params = new URLSearchParams({ q, limit: "20" });
  return getJson<Page<AccountSummary>>(`/api/v1/staff/accounts?${params}`, signal);
}

export function getAccount(number: string, signal?: AbortSignal) {
  return getJson<AccountDetail>(`/api/v1/staff/accounts/${encodeURIComponent(number)}`, signal);
}

// ---- audit trail (permission audit.read) ----------------------------------------------

export const AUDIT_PAGE_SIZE = 50;

/** The records matching the filters, newest first; `before` (a record id) for older ones. */
export function getAudit(filters: AuditFilters, before: number | null, signal?: AbortSignal) {
  const params = auditParams(filters);
  if (before !== null) params.set("before", String(before));
  params.set("limit", String(AUDIT_PAGE_SIZE));
  return getJson<AuditPage>(`/api/v1/staff/audit?${params}`, signal);
}

/** Where every record matching the filters is, as a CSV file. */
export function auditCsvUrl(filters: AuditFilters): string {
  const query = auditParams(filters).toString();
  return query ? `/api/v1/staff/audit.csv?${query}` : "/api/v1/staff/audit.csv";
}

/** A file the server sent: its contents and the name to save it under. */
export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/**
 * Every record matching the filters, as a CSV file (permission audit.export, which also needs a
 * recent sign-in: 403 reauthentication-required, then reauthenticate and ask again). Its name is
 * the server's (Content-Disposition), else AUDIT_CSV_FILENAME.
 */
export function downloadAuditCsv(filters: AuditFilters, signal?: AbortSignal): Promise<DownloadedFile> {
  return downloadFile(auditCsvUrl(filters), "text/csv", AUDIT_CSV_FILENAME, signal);
}

/**
 * A file the server sends (`accept`: its media type), asked for with the session cookie: its
 * contents and the name in its Content-Disposition, else `fallback`. A refusal is an ApiError
 * (download.ts downloadProblem says what it means).
 */
export async function downloadFile(path: string, accept: string, fallback: string, signal?: AbortSignal): Promise<DownloadedFile> {
  const res = await send("GET", path, `${accept}, application/problem+json`, undefined, signal);
  let blob: Blob;
  try {
    blob = await res.blob();
  } catch (e) {
    if (isAbort(e)) throw e;
    throw networkError(); // the connection broke off partway through the file
  }
  return { blob, filename: filenameFrom(res.headers.get("content-disposition"), fallback) };
}
