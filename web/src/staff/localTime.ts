// Times in the utility's zone as the staff console shows them (pure; test/staffLocalTime.test.mjs).
// The API sends them as written in that zone ("2026-12-06T06:03:00-08:00", its `*_local` fields);
// the console shows that wall-clock time, not the browser's. (Here rather than in
// ../shared/format.ts: only the console needs them, and shared code is in the portal's first
// download.)

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "2026-12-06T06:03:00-08:00": a date and time, seconds and fraction optional, then Z or an offset. */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A time as written in the zone it happened in ("2026-12-06T06:03:00-08:00", the API's `*_local`
 * fields, in the utility's zone) -> "Dec 6, 2026, 6:03 AM": that zone's wall-clock time, whatever
 * the browser's zone (the offset is not applied). In DST's repeated hour two instants read the
 * same, as on the utility's clocks. A string that is not such a time is returned as sent.
 */
export function formatLocalDateTime(isoWithOffset: string, locale = "en-US"): string {
  const m = LOCAL_DATE_TIME.exec(isoWithOffset.trim());
  if (!m) return isoWithOffset;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((part) => Number(part ?? 0));
  // The wall clock's fields as if they were UTC, formatted in UTC: nothing shifts them.
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const fieldsKept =
    wall.getUTCFullYear() === year && wall.getUTCMonth() === month - 1 && wall.getUTCDate() === day &&
    wall.getUTCHours() === hour && wall.getUTCMinutes() === minute;
  if (!fieldsKept) return isoWithOffset; // "2026-02-30T25:00": not a time
  let format = formatters.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZone: "UTC",
    });
    formatters.set(locale, format);
  }
  return format.format(wall);
}

/** An IANA zone in words: "America/Los_Angeles" -> "Pacific Time"; else the zone as sent. */
export function formatZoneName(timeZone: string, locale = "en-US"): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "longGeneric" }).formatToParts(new Date());
    return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
  } catch {
    return timeZone; // a zone this browser does not know
  }
}

/**
 * An instant ("2026-12-06T21:43:09Z", an answer without a `*_local` twin: a payment's
 * created_at) in the utility's zone, named: "Dec 6, 2026, 1:43 PM PST". Without the zone (not
 * known yet) or with one the browser does not know, in the browser's zone, named too.
 */
export function formatInstantIn(iso: string, timeZone: string | null, locale = "en-US"): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const fields: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" };
  try {
    return new Intl.DateTimeFormat(locale, timeZone ? { ...fields, timeZone } : fields).format(d);
  } catch {
    return new Intl.DateTimeFormat(locale, fields).format(d); // a zone this browser does not know
  }
}

/**
 * The calendar date of an instant on the utility's clocks: "2026-12-07T03:40:44Z" in
 * America/Los_Angeles -> "2026-12-06" (the UTC date would be the 7th). Without the zone, or with
 * one the browser does not know, the browser's date. Null for what is not an instant.
 */
export function localDateOf(iso: string | Date, timeZone: string | null): string | null {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return null;
  const fields: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit" };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", timeZone ? { ...fields, timeZone } : fields);
  } catch {
    format = new Intl.DateTimeFormat("en-US", fields); // a zone this browser does not know
  }
  const part = (type: string) => format.formatToParts(d).find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}
