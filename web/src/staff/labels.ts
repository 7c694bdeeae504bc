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
