// Money as the API sends it: a string of decimal dollars plus an ISO 4217 currency code.
// We parse the string into an integer number of cents (bigint) and never do float arithmetic
// on money. For display, the cents are turned back into an exact decimal string and handed to
// Intl.NumberFormat, which formats decimal strings exactly (no rounding through a double).

export interface Money {
  amount: string; // "123.45", "-5.00", "0"
  currency: string; // "USD"
}

const AMOUNT = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** Parses "123.45" into 12345n. Throws RangeError on anything that is not whole cents. */
export function parseCents(amount: string): bigint {
  const m = AMOUNT.exec(amount.trim());
  if (!m) throw new RangeError(`not a money amount: ${JSON.stringify(amount)}`);
  const [, minus, dollars, frac = ""] = m;
  const cents = BigInt(dollars) * 100n + BigInt(frac.padEnd(2, "0"));
  return minus ? -cents : cents;
}

/** 12345n -> "123.45"; -5n -> "-0.05". Exact. */
export function centsToDecimal(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const dollars = abs / 100n;
  const rest = (abs % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${dollars}.${rest}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, f);
  }
  return f;
}

/** Formats integer cents for display, e.g. 12345n -> "$123.45". */
export function formatCents(cents: bigint, currency = "USD", locale = "en-US"): string {
  // A decimal string is formatted exactly (Intl.NumberFormat v3, ES2023).
  return formatter(currency, locale).format(centsToDecimal(cents) as `${number}`);
}

/**
 * Formats an API money value for display. A malformed amount is shown as sent
 * (with its currency) rather than breaking the page.
 */
export function formatMoney(money: Money, locale = "en-US"): string {
  try {
    return formatCents(parseCents(money.amount), money.currency, locale);
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}
