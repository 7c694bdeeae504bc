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

/** A US phone number as read aloud: "+15415550177" -> "(541) 555-0177"; any other, as sent. */
export function phoneLabel(phone: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phone.trim());
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : phone;
}
