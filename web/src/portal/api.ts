// The portal's HTTP client. Cookies carry the session (credentials "same-origin"); every
// state-changing request sends the session's CSRF token. A 401 from an API that needs a
// session means the session ended: the app is told (onSessionEnded) and sends the customer to
// sign in.
import { ApiError, networkError, problemFrom } from "./problem.ts";

export { ApiError };

/** Whether a fetch failed because the page cancelled it (navigated away). */
export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === "AbortError";
}

let csrfToken = "";
let acceptLanguage = "en-US";
let sessionEnded: () => void = () => {};

/** The CSRF token of the current session (Me.csrf_token); "" when signed out. */
export function setCsrfToken(token: string): void {
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
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": acceptLanguage,
    ...options.headers,
  };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && method !== "HEAD" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
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

export const get = <T>(path: string, signal?: AbortSignal) => request<T>("GET", path, { signal });
export const post = <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
  request<T>("POST", path, { body, headers });
export const put = <T>(path: string, body: unknown) => request<T>("PUT", path, { body });
/** DELETE; most answer 204 (void), some 200 with a body (T). */
export const del = <T = void>(path: string) => request<T>("DELETE", path);

/**
 * A request the page can do without: its answer, or null when it failed. Cancelling (the page
 * went away) still rejects, and a 401 has already ended the session as for any request.
 */
export function orAbsent<T>(answer: Promise<T>): Promise<T | null> {
  return answer.catch((e: unknown) => {
    if (isAbort(e)) throw e;
    return null;
  });
}

/** /api/v1/accounts/{number}/{rest} */
export function accountPath(account: string, rest: string): string {
  return `/api/v1/accounts/${encodeURIComponent(account)}/${rest}`;
}
