// Checks on what the customer types, before anything is sent. Each check returns the message
// key that says what is wrong (shown next to the field), or null when the value is fine.
// The server checks everything again; these only save a round trip and say it sooner.
import type { MessageKey } from "./i18n/en.ts";
import { centsToDecimal } from "../shared/money.ts";

export type Check = MessageKey | null;

/** Field id -> what is wrong with it. Only fields with a problem are present. */
export type FieldErrors = Partial<Record<string, MessageKey>>;

/** Collects the failed checks of a form: { email: "errorEmail" } or {} when all pass. */
export function collectErrors(checks: Record<string, Check>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, problem] of Object.entries(checks)) if (problem) errors[field] = problem;
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

export function checkRequired(value: string): Check {
  return value.trim() ? null : "errorRequired";
}

export function checkEmail(value: string): Check {
  const v = value.trim();
  if (!v) return "errorRequired";
  return /^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(v) ? null : "errorEmail";
}

/** US ZIP code: 5 digits, optionally ZIP+4. */
export function checkZip(value: string): Check {
  const v = value.trim();
  if (!v) return "errorRequired";
  return /^\d{5}(-?\d{4})?$/.test(v) ? null : "errorZip";
}

/** An account number is optional where asked; when given it is digits only. */
export function checkOptionalAccountNumber(value: string): Check {
  const v = value.replace(/[\s-]/g, "");
  return v === "" || /^\d{4,20}$/.test(v) ? null : "errorAccountNumber";
}

/**
 * The amount due of one of the customer's last two bills, as typed ("84.5", "$1,204.50", "-12.00"
 * for a credit), in the server's form ("84.50"); "" when left empty; null when it is not an
 * amount of dollars and cents.
 */
export function billAmountForServer(value: string): string | null {
  const v = value.trim();
  if (v === "") return "";
  const sign = /^-\s*\$?|^\$\s*-/;
  const cents = parseAmountInput(v.replace(sign, ""));
  if (cents === null) return null;
  return centsToDecimal(sign.test(v) ? -cents : cents);
}

/** The optional amount due from a recent bill: empty, or dollars and cents. */
export function checkOptionalBillAmount(value: string): Check {
  return billAmountForServer(value) === null ? "errorBillAmount" : null;
}

/**
 * The amount due proves the account only together with its number: an amount given without the
 * number is refused here (shown at the account number), so nobody believes it was checked.
 */
export function checkNumberWithBillAmount(accountNumber: string, billAmount: string): Check {
  const number = checkOptionalAccountNumber(accountNumber);
  if (number) return number;
  return billAmount.trim() !== "" && accountNumber.replace(/[\s-]/g, "") === "" ? "errorBillAmountNeedsNumber" : null;
}

/**
 * The mobile phone on file, as typed ("(541) 555-0134", "+1 541.555.0134"): its 10 digits
 * ("5415550134"); "" when left empty; null when it is not a US number (10 digits, an optional
 * leading 1, the first digit not 0 or 1; spaces, dashes, dots, parentheses and "+" do not matter).
 */
export function phoneForServer(value: string): string | null {
  const v = value.replace(/[\s\-.()+]/g, "");
  if (v === "") return "";
  const m = /^1?([2-9]\d{9})$/.exec(v);
  return m ? m[1] : null;
}

/** The optional mobile phone on file: empty, or a US number. */
export function checkOptionalPhone(value: string): Check {
  return phoneForServer(value) === null ? "errorPhone" : null;
}

/** The code of a letter mailed to the service address, like "K7QP-M3XD": 8 letters and digits;
 * case, spaces and the dash do not matter. */
export function checkClaimCode(value: string): Check {
  const v = value.replace(/[\s-]/g, "");
  if (!v) return "errorRequired";
  return /^[a-z0-9]{8}$/i.test(v) ? null : "errorClaimCode";
}

/** The letter's code as sent: "k7qp m3xd" -> "K7QPM3XD". */
export function claimCodeForServer(value: string): string {
  return value.replace(/[\s-]/g, "").toUpperCase();
}

export const MIN_PASSWORD_LENGTH = 12;

/** The portal's password rule: at least 12 characters (the server also refuses common ones). */
export function checkNewPassword(value: string): Check {
  if (!value) return "errorRequired";
  return [...value].length >= MIN_PASSWORD_LENGTH ? null : "errorPasswordShort";
}

export function checkPasswordsMatch(password: string, again: string): Check {
  if (!again) return "errorRequired";
  return password === again ? null : "errorPasswordMismatch";
}

/** A one-time sign-in code from an authenticator app: 6 digits. */
/**
 * The code asked for at sign-in: the authenticator app's 6 digits, or one of the recovery codes
 * shown when two-step sign-in was turned on ("abcd-2345": 8 letters and digits without 0, 1, i,
 * l or o; the dash and spaces are optional).
 */
export function checkSignInCode(value: string): Check {
  const v = value.replace(/[\s-]/g, "");
  if (!v) return "errorRequired";
  return /^\d{6}$/.test(v) || /^[a-hjkmnp-z2-9]{8}$/i.test(v) ? null : "errorSignInCode";
}

export function checkTotpCode(value: string): Check {
  const v = value.replace(/\s/g, "");
  if (!v) return "errorRequired";
  return /^\d{6}$/.test(v) ? null : "errorCode";
}

/**
 * Reads a payment amount as typed ("84.5", "$1,204.50") into integer cents, or null when it
 * is not an amount of dollars and cents.
 */
export function parseAmountInput(value: string): bigint | null {
  let v = value.trim().replace(/^\$\s*/, "");
  if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(v)) v = v.replace(/,/g, "");
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(v);
  if (!m) return null;
  return BigInt(m[1]) * 100n + BigInt((m[2] ?? "").padEnd(2, "0"));
}

/** A payment amount: dollars and cents, more than zero. */
export function checkPaymentAmount(value: string): Check {
  if (!value.trim()) return "errorRequired";
  const cents = parseAmountInput(value);
  if (cents === null) return "errorAmount";
  return cents > 0n ? null : "errorAmountZero";
}

export function digitsOnly(value: string): string {
  return value.replace(/[\s-]/g, "");
}

/** The Luhn check digit test every card number passes. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

export function checkCardNumber(value: string): Check {
  const digits = digitsOnly(value);
  if (!digits) return "errorRequired";
  if (!/^\d{13,19}$/.test(digits) || !luhnValid(digits)) return "errorCardNumber";
  return null;
}

export interface CardExpiry {
  month: number;
  year: number;
}

/** "MM/YY" or "MM/YYYY" (also "MM YY", "MMYY") -> month and four-digit year, or null. */
export function parseCardExpiry(value: string): CardExpiry | null {
  const m = /^(\d{1,2})\s*[/\s-]?\s*(\d{2}|\d{4})$/.exec(value.trim());
  if (!m) return null;
  const month = Number(m[1]);
  const year = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  return month >= 1 && month <= 12 ? { month, year } : null;
}

/** A card expires at the end of its month: it still works during that month. */
export function checkCardExpiry(value: string, today: Date): Check {
  if (!value.trim()) return "errorRequired";
  const expiry = parseCardExpiry(value);
  if (!expiry) return "errorCardExpiry";
  const nowMonths = today.getFullYear() * 12 + today.getMonth();
  const expMonths = expiry.year * 12 + (expiry.month - 1);
  if (expMonths < nowMonths) return "errorCardExpired";
  return expMonths - nowMonths > 12 * 20 ? "errorCardExpiry" : null;
}

export function checkCvc(value: string): Check {
  const v = value.trim();
  if (!v) return "errorRequired";
  return /^\d{3,4}$/.test(v) ? null : "errorCvc";
}

/** A US bank routing (ABA) number: 9 digits whose weighted sum (3,7,1,...) ends in 0. */
export function checkRoutingNumber(value: string): Check {
  const v = digitsOnly(value);
  if (!v) return "errorRequired";
  if (!/^\d{9}$/.test(v)) return "errorRoutingNumber";
  const d = [...v].map(Number);
  const sum = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8]);
  return sum % 10 === 0 ? null : "errorRoutingNumber";
}

export function checkBankAccountNumber(value: string): Check {
  const v = digitsOnly(value);
  if (!v) return "errorRequired";
  return /^\d{4,17}$/.test(v) ? null : "errorBankAccountNumber";
}

/** "2024-05-01" for a local date (the browser's calendar). */
export function isoLocalDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Adds days to an ISO calendar date ("2024-02-28" + 1 -> "2024-02-29"). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A scheduled payment's day: after today and at most 365 days ahead (the server's rule). */
export function checkScheduleDate(value: string, todayIso: string): Check {
  if (!value) return "errorRequired";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) return "errorDate";
  if (value <= todayIso) return "errorDateNotFuture";
  return value > addDays(todayIso, 365) ? "errorDateTooFar" : null;
}

/** The day the interval view shows: a date (yyyy-mm-dd) no later than today. */
export function checkUsageDay(value: string, todayIso: string): Check {
  if (!value) return "errorRequired";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) return "errorDate";
  return value > todayIso ? "errorUsageDayFuture" : null;
}
