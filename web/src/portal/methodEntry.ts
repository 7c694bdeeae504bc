// A card or bank account typed into the portal. The numbers go only to the tokenizing
// endpoint (the processor's, in production a gateway-hosted form); the portal keeps the token.
import type { BankEntry, CardEntry } from "./types.ts";
import {
  checkBankAccountNumber,
  checkCardExpiry,
  checkCardNumber,
  checkCvc,
  checkRoutingNumber,
  collectErrors,
  digitsOnly,
  parseCardExpiry,
} from "./validation.ts";
import type { FieldErrors } from "./validation.ts";

export interface CardValues {
  number: string;
  expiry: string; // MM/YY
  cvc: string;
}

export interface BankValues {
  routing: string;
  account: string;
  type: "checking" | "savings";
  holder: string;
}

export const emptyCard: CardValues = { number: "", expiry: "", cvc: "" };
export const emptyBank: BankValues = { routing: "", account: "", type: "checking", holder: "" };

/** Field ids are prefixed ("pay-card-number") so two forms on one page do not clash. */
export function checkCard(card: CardValues, today: Date, prefix: string): FieldErrors {
  return collectErrors({
    [`${prefix}-card-number`]: checkCardNumber(card.number),
    [`${prefix}-card-expiry`]: checkCardExpiry(card.expiry, today),
    [`${prefix}-card-cvc`]: checkCvc(card.cvc),
  });
}

export function checkBank(bank: BankValues, prefix: string): FieldErrors {
  return collectErrors({
    [`${prefix}-bank-routing`]: checkRoutingNumber(bank.routing),
    [`${prefix}-bank-account`]: checkBankAccountNumber(bank.account),
  });
}

/** The tokenizing request for a checked card. */
export function cardEntry(card: CardValues): CardEntry {
  const expiry = parseCardExpiry(card.expiry);
  if (!expiry) throw new RangeError("card expiry not checked");
  return {
    number: digitsOnly(card.number),
    exp_month: expiry.month,
    exp_year: expiry.year,
    cvc: card.cvc.trim(),
  };
}

/** The tokenizing request for a checked bank account. */
export function bankEntry(bank: BankValues): BankEntry {
  const holder = bank.holder.trim();
  return {
    routing_number: digitsOnly(bank.routing),
    account_number: digitsOnly(bank.account),
    account_type: bank.type,
    ...(holder ? { holder_name: holder } : {}),
  };
}

/** Server field names of the tokenizing endpoints -> our field ids. */
export function tokenFieldIds(prefix: string): Record<string, string> {
  return {
    number: `${prefix}-card-number`,
    "card.number": `${prefix}-card-number`,
    exp_month: `${prefix}-card-expiry`,
    exp_year: `${prefix}-card-expiry`,
    "card.exp_month": `${prefix}-card-expiry`,
    "card.exp_year": `${prefix}-card-expiry`,
    cvc: `${prefix}-card-cvc`,
    "card.cvc": `${prefix}-card-cvc`,
    routing_number: `${prefix}-bank-routing`,
    account_number: `${prefix}-bank-account`,
    holder_name: `${prefix}-bank-holder`,
  };
}
