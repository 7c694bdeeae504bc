// Date and number formatting for display, via the browser's Intl. Every function takes the
// locale to format for ("en-US" by default, "es-US" in the Spanish portal).

const formatters = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** "2024-05-01" (a calendar date, no zone) -> "May 1, 2024" (en-US), "1 may 2024" (es-US). */
export function formatDate(isoDate: string, locale = "en-US"): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  return cached(`date|${locale}`, () =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }),
  ).format(d);
}

/** "2024-05" or "2024-05-01" -> "May 2024" / "mayo de 2024": a calendar month. */
export function formatMonth(isoMonth: string, locale = "en-US"): string {
  const d = new Date(`${isoMonth.slice(0, 7)}-01T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoMonth;
  return cached(`month|${locale}`, () =>
    new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" }),
  ).format(d);
}

/** "2024-05-01T15:00:00Z" (an instant) -> local date and time. */
export function formatInstant(iso: string, locale = "en-US"): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  // (dateStyle/timeStyle cannot be combined with timeZoneName: spell the fields out.)
  return cached(`instant|${locale}`, () =>
    new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
    }),
  ).format(d);
}

const numberFormatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats an exact decimal string ("827.371") for reading, e.g. "827.371" / "1,204.5".
 * Intl formats decimal strings exactly (no rounding through a double). A string that is
 * not a plain decimal is returned as sent.
 */
export function formatDecimal(value: string, locale = "en-US", maxFractionDigits = 3): string {
  if (!/^-?\d+(\.\d+)?$/.test(value.trim())) return value;
  const key = `${locale}|${maxFractionDigits}`;
  let f = numberFormatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits });
    numberFormatters.set(key, f);
  }
  return f.format(value.trim() as `${number}`);
}

const percentFormatters = new Map<string, Intl.NumberFormat>();

/** A whole percent for reading: 60 -> "60%" (en-US), "60 %" (es-US). */
export function formatPercent(wholePercent: number, locale = "en-US"): string {
  let f = percentFormatters.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
    percentFormatters.set(locale, f);
  }
  return f.format(wholePercent / 100);
}
