// Who the utility is and how to reach it (GET /api/v1/utility: no sign-in, cacheable for 5
// minutes): its name in the header and the document title, its contact details in the footer of
// every page, and its time zone (the clocks its days and appointment windows are on). Asked for
// once per page load, alongside the page's own first answers, never before them; the portal works
// without it ("Ratepayer", and a general sentence in the footer). The last answer is kept on this
// device, so a returning visitor's first paint has the name.
import { request } from "./api.ts";
import { store, stored } from "./storage.ts";
import { asZone, rememberZone } from "./utilityZone.ts";

export interface Utility {
  name: string;
  phone: string | null;
  email: string | null;
  /** Postal address, one line each; may be empty. */
  address: string[];
  website: string | null;
  hours: string | null;
  /** The IANA zone its days and times are in ("America/Los_Angeles"); null when not named. */
  time_zone: string | null;
}

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() ? value.trim() : null;

/** The utility from the API's answer (or a stored copy of it); null when it has no name. */
export function utilityFromAnswer(data: unknown): Utility | null {
  if (!data || typeof data !== "object") return null;
  const d = data as Record<string, unknown>;
  const name = text(d.name);
  if (!name) return null;
  return {
    name,
    phone: text(d.phone),
    email: text(d.email),
    address: Array.isArray(d.address) ? d.address.map(text).filter((line): line is string => line !== null) : [],
    website: text(d.website),
    hours: text(d.hours),
    time_zone: asZone(text(d.time_zone)),
  };
}

/**
 * A tel: link for a phone number as people write it: "(541) 555-0100" -> "tel:+15415550100" (10
 * digits are a US number), "+44 20 7946 0958" -> "tel:+442079460958". An extension ("x12",
 * "ext. 12") is left out. Null when there are too few digits to dial.
 */
export function telHref(phone: string): string | null {
  const number = phone.split(/\s*(?:x|ext\.?|extension)\s*\d/i)[0];
  const digits = number.replace(/\D/g, "");
  if (digits.length < 3) return null;
  if (number.trim().startsWith("+")) return `tel:+${digits}`;
  if (digits.length === 10) return `tel:+1${digits}`;
  if (digits.length === 11 && digits.startsWith("1")) return `tel:+${digits}`;
  return `tel:${digits}`;
}

/** A mailto: link for one plain email address; null for anything else (then shown as text). */
export function mailtoHref(email: string): string | null {
  return /^[^\s@<>()[\]"',;:?&%]+@[^\s@<>()[\]"',;:?&%]+\.[^\s@<>()[\]"',;:?&%]+$/.test(email) ? `mailto:${email}` : null;
}

/**
 * The website as a link: "utility.example" -> https://utility.example/ shown as written;
 * "https://utility.example/help/" is shown without its scheme and last slash. Null (shown as
 * text) for anything that is not a web address (another scheme, spaces).
 */
export function websiteLink(website: string): { href: string; text: string } | null {
  const written = website.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(written);
  if (/\s/.test(written) || (hasScheme && !/^https?:\/\//i.test(written))) return null;
  let url: URL;
  try {
    url = new URL(hasScheme ? written : `https://${written}`);
  } catch {
    return null;
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname.includes(".")) return null;
  return { href: url.href, text: written.replace(/^https?:\/\//i, "").replace(/\/$/, "") };
}

export const UTILITY_KEY = "ratepayer.utility";

/** The utility as last answered on this device, or null. */
export function lastKnownUtility(): Utility | null {
  const kept = stored(UTILITY_KEY);
  if (!kept) return null;
  try {
    return utilityFromAnswer(JSON.parse(kept));
  } catch {
    return null;
  }
}

let asked: Promise<Utility | null> | null = null;

/**
 * Asks the server who the utility is, once per page load (later calls share the answer); the
 * answer is kept on this device. Null when it cannot be had: the portal goes on without it.
 */
export function fetchUtility(): Promise<Utility | null> {
  asked ??= request<unknown>("GET", "/api/v1/utility", { session: false }).then(
    (data) => {
      const utility = utilityFromAnswer(data);
      if (utility) {
        store(UTILITY_KEY, JSON.stringify(utility));
        rememberZone(utility.time_zone);
      }
      return utility;
    },
    () => null,
  );
  return asked;
}
