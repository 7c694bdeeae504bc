// Times on the utility's clocks (pure; test/orders.test.mjs): an appointment window, when a
// request was made or moved, the utility's today. The API sends these as instants (UTC) and names
// the utility's zone in GET /api/v1/utility (components/useUtilityZone.ts). Without the zone (not
// known yet, or one this browser does not know) times are shown in the browser's zone, named, so
// a time is never wrong, only told on other clocks.
import { isoLocalDate } from "./validation.ts";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter of `fields` in `zone` (the browser's when null or unknown to this browser), made once. */
export function formatter(locale: string, zone: string | null, fields: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${zone ?? ""}|${JSON.stringify(fields)}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, zone ? { ...fields, timeZone: zone } : fields);
    } catch {
      f = new Intl.DateTimeFormat(locale, fields); // a zone this browser does not know
    }
    formatters.set(key, f);
  }
  return f;
}

const WINDOW_FIELDS: Intl.DateTimeFormatOptions = {
  weekday: "short", month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short",
};

const TIME_FIELDS: Intl.DateTimeFormatOptions = {
  month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short",
};

function instant(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * An appointment window on the utility's clocks: "Tue, Dec 8, 2026, 8:00 AM – 12:00 PM PST"
 * (the day once when both ends are on it). Null when either end is not an instant.
 */
export function formatWindow(startIso: string, endIso: string, zone: string | null, locale = "en-US"): string | null {
  const start = instant(startIso);
  const end = instant(endIso);
  if (!start || !end) return null;
  return formatter(locale, zone, WINDOW_FIELDS).formatRange(start, end);
}

/** An instant on the utility's clocks: "Dec 7, 2026, 3:48 AM PST"; as sent when it is not one. */
export function formatTimeIn(iso: string, zone: string | null, locale = "en-US"): string {
  const at = instant(iso);
  return at ? formatter(locale, zone, TIME_FIELDS).format(at) : iso;
}

/** The calendar day it is (or was) at `at` on the utility's clocks: "2026-12-07". */
export function dayIn(at: Date, zone: string | null): string {
  if (!zone) return isoLocalDate(at);
  const parts = formatter("en-US", zone, { year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const day = `${part("year")}-${part("month")}-${part("day")}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : isoLocalDate(at);
}
