// Whole numbers the settings and the reports send, in words people read (pure;
// test/staffReports.test.mjs): cents as dollars, basis points as percent, counts with their
// thousands separated. Integers in, strings out: no arithmetic through a float on money or shares.

import { formatCents } from "../shared/money.ts";

/** Whether `n` is a whole number a cell or a setting may hold exactly. */
function isWhole(n: number): boolean {
  return Number.isSafeInteger(n);
}

/** 2500 -> "$25.00"; -354 -> "-$3.54". A number that is not whole cents is shown as sent. */
export function formatWholeCents(cents: number): string {
  return isWhole(cents) ? formatCents(BigInt(cents)) : String(cents);
}

const counts = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** 12345 -> "12,345". */
export function formatCount(n: number): string {
  return isWhole(n) ? counts.format(n) : String(n);
}

/** 1234 -> "12.34%"; 10000 -> "100.00%"; 5 -> "0.05%": basis points, exactly, two decimals. */
export function formatBasisPoints(bp: number): string {
  if (!isWhole(bp)) return String(bp);
  const abs = Math.abs(bp);
  const whole = counts.format(Math.trunc(abs / 100));
  const hundredths = String(abs % 100).padStart(2, "0");
  return `${bp < 0 ? "-" : ""}${whole}.${hundredths}%`;
}

/** "2500" -> 2500; anything but a plain whole number ("", "1.5", "12a") -> null. */
export function wholeNumberOf(text: string): number | null {
  const t = text.trim();
  if (!/^-?\d{1,15}$/.test(t)) return null;
  return Number(t);
}
