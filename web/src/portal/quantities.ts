// Metered quantities for reading on screen: the API sends them exact, with 3 to 9 decimals
// ("827.371000", "0.062500000"); a customer reads whole gallons, and kWh, kW, CCF and therms
// to one decimal. Rates are prices and keep their own digits (billLines.ts formatRate).

/** Decimals shown for a unit: whole gallons; one for kWh, kW, CCF and therms. */
const DIGITS: Readonly<Record<string, number>> = {
  gal: 0,
  gallon: 0,
  gallons: 0,
  kwh: 1,
  kw: 1,
  ccf: 1,
  therm: 1,
  therms: 1,
};

/** Units the portal does not know are shown to at most this many decimals (trailing zeros dropped). */
const OTHER_MAX_DIGITS = 2;

/** The decimals a quantity in `unit` is shown with; null for a unit the portal does not know. */
export function quantityDigits(unit: string): number | null {
  const digits = DIGITS[unit.trim().toLowerCase()];
  return digits === undefined ? null : digits;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}|${min}|${max}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max });
    formatters.set(key, f);
  }
  return f;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A quantity in `unit` for reading: "827.371000" kWh -> "827.4", "1204.5" gal -> "1,205",
 * "12" kWh -> "12.0" (every figure in a unit has the same decimals, so columns line up). A
 * decimal string is rounded exactly (Intl, half away from zero), not through a double. Text
 * that is not a number is returned as sent.
 */
export function formatQuantity(value: string | number, unit: string, locale = "en-US"): string {
  let input: number | `${number}`;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return String(value);
    input = value;
  } else {
    const text = value.trim();
    if (!DECIMAL.test(text)) return value;
    input = text as `${number}`;
  }
  const digits = quantityDigits(unit);
  const f = digits === null ? formatter(locale, 0, OTHER_MAX_DIGITS) : formatter(locale, digits, digits);
  const shown = f.format(input);
  // A small negative rounded to zero reads "-0.0": zero has no sign.
  return /^-0([.,]0+)?$/.test(shown) ? shown.slice(1) : shown;
}
