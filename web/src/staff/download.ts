// Files the console downloads with the session cookie (pure but for saveFile;
// test/staffDownload.test.mjs): the name to save one under, what a refused download means, and
// saving the file the page holds.

import type { ApiError, DownloadedFile } from "./api.ts";
import { needsReauthentication } from "./problems.ts";

/** The audit trail's CSV file, when the server does not name it. */
export const AUDIT_CSV_FILENAME = "audit-trail.csv";

// A parameter of the header: name=token, or name="quoted string" (RFC 6266, RFC 9110 5.6.4).
const PARAM = /;\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;

/** filename*=UTF-8''%E2%82%AC%20rates.csv (RFC 8187): the name, or null when it cannot be read. */
function extValue(value: string): string | null {
  const m = /^([!#$&+^_`{}~0-9A-Za-z-]+)'[^']*'(.*)$/.exec(value);
  if (!m) return null;
  const charset = m[1].toLowerCase();
  try {
    if (charset === "utf-8") return decodeURIComponent(m[2]);
    if (charset === "iso-8859-1") {
      return m[2].replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
  } catch {
    // a malformed %-escape
  }
  return null;
}

/** A name to save under: no folders, no control characters; "" when nothing is left of it. */
function safeName(name: string): string {
  const base = (name.split(/[/\\]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return base === "." || base === ".." ? "" : base;
}

/**
 * The name a download is saved under: the Content-Disposition header's `filename*` (RFC 8187),
 * else its `filename`, else `fallback`. Only the last part of a path is kept.
 */
export function filenameFrom(contentDisposition: string | null, fallback: string): string {
  if (!contentDisposition) return fallback;
  let plain: string | null = null;
  let extended: string | null = null;
  for (const [, rawName, rawValue] of contentDisposition.matchAll(PARAM)) {
    const name = rawName.toLowerCase();
    const value = rawValue.trim();
    if (name === "filename*" && extended === null) {
      extended = extValue(value);
    } else if (name === "filename" && plain === null) {
      plain = value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, "$1") : value;
    }
  }
  return safeName(extended ?? "") || safeName(plain ?? "") || fallback;
}

/**
 * A refused download: "confirm" when the server wants the password and a code first (403
 * reauthentication-required; then ask again); "sign-in" when the session ended (401); else the
 * alert (403 permission-required, a network failure, ...).
 */
export function downloadProblem(e: ApiError): "confirm" | "sign-in" | "alert" {
  if (needsReauthentication(e)) return "confirm";
  return e.status === 401 ? "sign-in" : "alert";
}

/**
 * Saves a file the page holds: a link to it (a blob: URL, which the page's CSP allows a link to
 * download) clicked from code, then let go.
 */
export function saveFile({ blob, filename }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000); // some browsers read it after the click
}
