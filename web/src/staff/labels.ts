// Words and shapes for what the server sends (pure; test/staffLabels.test.mjs).

/** "billing_clerk" -> "Billing clerk". */
export function roleLabel(role: string): string {
  const words = role.replace(/[_-]+/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : role;
}

/** The header's line under the name: "Billing clerk, Cashier". */
export function rolesLabel(roles: readonly string[]): string {
  return roles.length > 0 ? roles.map(roleLabel).join(", ") : "No roles";
}

/** A base32 TOTP key in groups of four, for typing into an app: "JBSW Y3DP EHPK 3PXP". */
export function groupSecret(secret: string): string {
  const clean = secret.replace(/[\s=]/g, "").toUpperCase();
  return (clean.match(/.{1,4}/g) ?? []).join(" ");
}

/**
 * The server's QR code (an SVG document) as an <img> source. An image, not markup in the page:
 * nothing in it can run, and the Content-Security-Policy allows data: images.
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml,${encodeURIComponent(svg.trim())}`;
}

const CHANNELS: Record<string, string> = {
  web: "Web (portal or scheduled)",
  phone: "Phone (card by staff)",
  cashier: "Counter (cashier)",
  lockbox: "Lockbox (mailed check)",
  autopay: "Autopay",
};

/** How a payment came in, in words: "cashier" -> "Counter (cashier)"; an unknown one as sent. */
export function channelLabel(channel: string): string {
  return CHANNELS[channel] ?? channel;
}

/** "opening_balance" -> "Opening balance"; "posted" -> "Posted": a code the server sends, as words. */
export function codeLabel(code: string): string {
  return roleLabel(code);
}

const LANGUAGES: Record<string, string> = { en: "English", es: "Spanish" };

/** The account's language: "es" -> "Spanish"; one the console does not know, as sent. */
export function languageLabel(language: string): string {
  return LANGUAGES[language] ?? language;
}

/** A month of the year by its number: 12 -> "December"; one out of range, as the number. */
export function monthName(month: number): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) return String(month);
  return new Intl.DateTimeFormat("en-US", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

/**
 * A US phone number as read aloud: "+15415550177" or "5415550177" (as the server keeps a number
 * typed in) -> "(541) 555-0177"; any other, as sent.
 */
export function phoneLabel(phone: string): string {
  const m = /^(?:\+1)?(\d{3})(\d{3})(\d{4})$/.exec(phone.trim());
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : phone;
}

/** Who acted, as the server says (history events, notes). */
export type ActorKind = "staff" | "api_key" | "customer" | "system";

const ACTOR_KINDS: Record<string, string> = {
  staff: "Staff member",
  api_key: "API key",
  customer: "Customer",
  system: "System",
};

/** "api_key" -> "API key"; one the console does not know, in words ("Partner"). */
export function actorKindLabel(kind: string): string {
  return ACTOR_KINDS[kind] ?? codeLabel(kind);
}

/**
 * What to say beside the actor's name: the kind in words, or null when the name says it already
 * ("Customer (maria@example.com)", "System (late-fees)", "API key 'Lockbox'", "Staff user 3").
 */
export function actorKindNote(name: string, kind: string): string | null {
  const words = actorKindLabel(kind);
  const firstWord = (text: string) => text.trim().split(/[^\p{L}]+/u)[0].toLowerCase();
  return firstWord(name) === firstWord(words) ? null : words;
}

const MATCHED_ON: Record<string, string> = {
  account_number: "Matched account number",
  bill_number: "Matched bill number",
  payment_confirmation: "Matched payment confirmation",
  meter_serial: "Matched meter serial",
  phone: "Matched phone",
  email: "Matched email",
};

/**
 * What a search result matched, in words ("Matched phone"); null for a name or address (the
 * result shows both) or when the server does not say.
 */
export function matchedOnLabel(matchedOn: string | null | undefined): string | null {
  if (!matchedOn || matchedOn === "name_or_address") return null;
  return MATCHED_ON[matchedOn] ?? `Matched ${codeLabel(matchedOn).toLowerCase()}`;
}

const KIND_GROUPS: Record<string, string> = {
  account: "Account",
  adjustment: "Adjustments",
  arrangement: "Arrangements",
  autopay: "Autopay",
  bill: "Bills",
  budget: "Budget billing",
  late_fee: "Late fees",
  note: "Notes",
  payment: "Payments",
  refund: "Refunds",
};

/** A group of history events, for the filter: "bill" -> "Bills"; another, in words. */
export function kindGroupLabel(group: string): string {
  return KIND_GROUPS[group] ?? codeLabel(group);
}

/** A history event's kind in words: "bill.ready" -> "Bill ready", "late_fee.charged" -> "Late fee charged". */
export function eventKindLabel(kind: string): string {
  return codeLabel(kind.replace(/\./g, " "));
}

/** The server's detail as a sentence: "write the note: it is empty" -> "Write the note: it is empty." */
export function asSentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const first = t[0].toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}

/**
 * Said under search results when the server has more (a next page): how many are shown, as they
 * are. The first page can hold more than the limit asked for: the accounts an exact identifier
 * matched (a bill number's account, a meter's) come first, in addition to the page of name and
 * address matches (docs/openapi.yaml, GET /api/v1/staff/accounts).
 */
export function moreMatchesHint(shown: number): string {
  const first = shown === 1 ? "the first match" : `the first ${shown} matches`;
  return `Showing ${first}. Narrow the search to see others.`;
}
