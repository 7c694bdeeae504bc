// The field page without a connection (pure; test/staffFieldOffline.test.mjs): the names the page
// and its service worker (public/field-sw.js) share, the technician kept on the phone so that the
// page opens with no connection to ask who is signed in, the files of the page to keep, and the
// words saying that what is shown is the copy kept on the phone. fieldWorker.ts does the browser's
// part (registering the worker, forgetting on sign-out). Relative imports end in .ts for the unit tests.

import type { Staff } from "./api.ts";
import { FIELD_PERMISSION } from "./route.ts";

/** The worker's script (public/field-sw.js, at the root of dist/) and its scope: the console's one page. */
export const FIELD_WORKER_URL = "/field-sw.js";
export const FIELD_WORKER_SCOPE = "/staff.html";

/** The caches the worker keeps: the page and its files; the technician's orders (the staff id follows). */
export const SHELL_CACHE = "ratepayer-field-shell-v1";
export const COPIES_CACHE_PREFIX = "ratepayer-field-copies-";

/** On the field page's GETs of its orders: keep a copy for this technician (the staff id). */
export const COPY_FOR_HEADER = "X-Field-Copy-For";
/** On an answer that is the copy kept on the phone (no connection): when the copy was made. */
export const COPY_MADE_AT_HEADER = "X-Field-Copy-Made-At";

/** Who last used the field page on this phone (localStorage): the page opens for them with no connection. */
export const TECHNICIAN_STORAGE_KEY = "ratepayer.field.technician";
/** The utility's time zone, kept on the phone: the day's list is asked for (and its copy found) as it was online. */
export const ZONE_STORAGE_KEY = "ratepayer.field.zone";

/**
 * The technician as kept on the phone: who they are and what they may do, never the session's CSRF
 * token (the session is the server's: it is asked for again once the connection is back, before
 * anything is sent).
 */
export function technicianToKeep(me: Staff): string {
  const { id, email, name, roles, permissions } = me;
  return JSON.stringify({ id, email, name, roles, permissions });
}

/** The technician kept on the phone, with no CSRF token; null when none is, or it is not one who may use the field page. */
export function parseKeptTechnician(text: string | null): Staff | null {
  if (!text) return null;
  let kept: unknown;
  try {
    kept = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof kept !== "object" || kept === null) return null;
  const { id, email, name, roles, permissions } = kept as Record<string, unknown>;
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");
  if (typeof id !== "number" || !Number.isInteger(id) || id <= 0 || typeof email !== "string" || typeof name !== "string") return null;
  if (!strings(roles) || !strings(permissions) || !permissions.includes(FIELD_PERMISSION)) return null;
  return { id, email, name, roles, permissions, csrf_token: "" };
}

/**
 * The files the page loaded (the resource timings' names, and the page), as the worker keeps them:
 * the page and this site's /assets/ files only (never an API answer), each once, at most 200.
 */
export function shellFiles(loaded: readonly string[], origin: string, page: string): string[] {
  const files = new Set<string>([page]);
  for (const name of loaded) {
    let url: URL;
    try {
      url = new URL(name, origin);
    } catch {
      continue;
    }
    if (url.origin === origin && url.pathname.startsWith("/assets/")) files.add(url.pathname);
    if (files.size >= 200) break;
  }
  return [...files];
}

/**
 * What is shown is the copy kept on the phone: "Offline — showing your list as of 9:42 AM." (the
 * time on the utility's clocks; the day too when the copy is not of today there: "as of Dec 7,
 * 4:55 PM"). Null for what is not an instant.
 */
export function copyNote(what: "list" | "order", madeAt: string, now: Date, timeZone: string | null): string | null {
  const made = new Date(madeAt);
  if (Number.isNaN(made.getTime())) return null;
  const zone = timeZone ? { timeZone } : {};
  const format = (fields: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat("en-US", { ...fields, ...zone });
    } catch {
      return new Intl.DateTimeFormat("en-US", fields); // a zone this browser does not know
    }
  };
  const day = format({ year: "numeric", month: "2-digit", day: "2-digit" });
  const sameDay = day.format(made) === day.format(now);
  const when = format(sameDay ? { hour: "numeric", minute: "2-digit" } : { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" }).format(made);
  return `Offline — showing ${what === "list" ? "your list" : "this order"} as of ${when}.`;
}
