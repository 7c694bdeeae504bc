// The portal's HTTP client. Cookies carry the session (credentials "same-origin"); every
// state-changing request sends the session's CSRF token. A 401 from an API that needs a
// session means the session ended: the app is told (onSessionEnded) and sends the customer to
// sign in.
import { ApiError, networkError, problemFrom } from "./problem.ts";
import { OVERLOAD_RETRIES, isOverloaded, retryDelayMs, wait } from "../shared/retry.ts";
import { startWaiting } from "./busy.ts";

export { ApiError };

/** Whether a fetch failed because the page cancelled it (navigated away). */
export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === "AbortError";
}

let csrfToken = "";
let acceptLanguage = "en-US";
let sessionEnded: () => void = () => {};

/**
 * The CSRF token of the current session (Me.csrf_token); "" when signed out. A different token is
 * a different session (signed out, signed in again, or as someone else): the answers started
 * early for the last one are dropped, so no page of the new session takes them.
 */
export function setCsrfToken(token: string): void {
  if (token !== csrfToken) early.clear();
  csrfToken = token;
}

/** The customer's language, sent as Accept-Language so the server can answer in it. */
export function setRequestLanguage(locale: string): void {
  acceptLanguage = locale;
}

export function onSessionEnded(handler: () => void): void {
  sessionEnded = handler;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** false for the sign-in APIs, where a 401 is an answer (wrong password), not a lost session. */
  session?: boolean;
  /** A file sent as it is (its bytes the whole body), in place of a JSON `body`. */
  file?: Blob;
}

/**
 * One API request. A server too busy to take it (503 "overloaded": nothing was done) is asked
 * again, the same request, up to OVERLOAD_RETRIES times with backoff (retry.ts) while the page
 * says it is waiting (busy.ts); then the refusal is thrown like any other.
 */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await requestOnce<T>(method, path, options);
    } catch (e) {
      if (!(e instanceof ApiError) || !isOverloaded(e.status, e.type) || attempt > OVERLOAD_RETRIES) throw e;
      const done = startWaiting();
      try {
        await wait(retryDelayMs(attempt, e.retryAfter, Math.random()), options.signal);
      } finally {
        done();
      }
    }
  }
}

async function requestOnce<T>(method: string, path: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": acceptLanguage,
    ...options.headers,
  };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  else if (options.file) headers["Content-Type"] = options.file.type || "application/octet-stream";
  if (method !== "GET" && method !== "HEAD" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: options.body !== undefined ? JSON.stringify(options.body) : options.file,
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw networkError();
  }
  if (res.ok) {
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }
  let body: unknown = null;
  if ((res.headers.get("content-type") ?? "").includes("json")) {
    try {
      body = await res.json();
    } catch {
      body = null;
    }
  }
  const error = problemFrom(res.status, res.statusText, body, res.headers.get("retry-after"));
  if (res.status === 401 && options.session !== false) sessionEnded();
  throw error;
}

// GETs started before the page that needs them is drawn (startEarly), by path: the page's own
// get() of that path takes the answer once, if it asks within EARLY_ANSWER_MS and in the same
// session (setCsrfToken drops them).
const EARLY_ANSWER_MS = 10_000;
const early = new Map<string, { answer: Promise<unknown>; started: number }>();
let startingEarly = false;

/**
 * Runs `asks` (calls of the API functions a page makes first, e.g. fetchBill(account, bill))
 * so that each GET starts now, while the page's code is still loading; when the page then asks
 * for the same path it gets that answer instead of asking again. The page is drawn from the
 * same functions either way, so the early start changes only when the answer arrives.
 */
export function startEarly(asks: () => void): void {
  startingEarly = true;
  try {
    asks();
  } finally {
    startingEarly = false;
  }
}

export function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  if (startingEarly) {
    const answer = request<T>("GET", path);
    answer.catch(() => {}); // the page that takes it sees the failure
    early.set(path, { answer, started: Date.now() });
    return answer;
  }
  const started = early.get(path);
  if (started) {
    early.delete(path);
    if (Date.now() - started.started <= EARLY_ANSWER_MS) return started.answer as Promise<T>;
  }
  return request<T>("GET", path, { signal });
}
export const post = <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
  request<T>("POST", path, { body, headers });
/** POST of a file's bytes as the whole body (the server tells its type by its content). */
export const postFile = <T>(path: string, file: Blob) => request<T>("POST", path, { file });
export const put = <T>(path: string, body: unknown) => request<T>("PUT", path, { body });
/** DELETE; most answer 204 (void), some 200 with a body (T). */
export const del = <T = void>(path: string) => request<T>("DELETE", path);

/** /api/v1/accounts/{number}/{rest} */
export function accountPath(account: string, rest: string): string {
  return `/api/v1/accounts/${encodeURIComponent(account)}/${rest}`;
}
