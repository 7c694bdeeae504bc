// Money as the API's answers send it (pure; test/staffWorkQueues.test.mjs): most send
// {"amount": "123.45", "currency": "USD"}, some a bare decimal string ("123.45"), and a few
// integer cents in a field named *_cents. Each becomes the Money the console formats
// (../shared/money.ts), with no float arithmetic on the way.

import { centsToDecimal, parseCents } from "../shared/money.ts";
import type { Money } from "../shared/money.ts";

/**
 * An amount as sent -> Money; null when it is none of the three shapes (or not whole cents).
 * A number is taken as integer cents (only *_cents fields send numbers).
 */
export function moneyOf(value: unknown, currency = "USD"): Money | null {
  if (value && typeof value === "object") {
    const m = value as Partial<Money>;
    if (typeof m.amount !== "string") return null;
    return moneyOf(m.amount, typeof m.currency === "string" && m.currency ? m.currency : currency);
  }
  if (typeof value === "string") {
    try {
      return { amount: centsToDecimal(parseCents(value)), currency };
    } catch {
      return null;
    }
  }
  if (typeof value === "number" && Number.isSafeInteger(value)) {
    return { amount: centsToDecimal(BigInt(value)), currency };
  }
  return null;
}
