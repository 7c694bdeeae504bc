// The tariff screens' hash routes, under the Settings area (pure; test/staffTariffs.test.mjs):
//
//   #/settings/tariffs           the rate plans, each with its tariff's versions
//   #/settings/tariffs/{code}    one rate plan: its versions, a version's content, a new tariff

/** Seeing the rate plans, their tariffs and a new tariff's preview (what their routes declare, src/api/routes.cc). */
export const TARIFFS_PERMISSION = "billing.read";
/** Storing a new tariff on a plan (it also wants a sign-in from the last 5 minutes). */
export const TARIFFS_CHANGE_PERMISSION = "tariffs.change";

export const TARIFFS_HASH = "#/settings/tariffs";

export interface TariffsScreen {
  /** The rate plan shown; null for the list of them. */
  code: string | null;
}

/** The screen of a hash under #/settings/tariffs; null for a hash outside it. */
export function parseTariffsRoute(hash: string): TariffsScreen | null {
  const m = /^#\/settings\/tariffs(?:\/([^/?#]*))?\/?$/.exec(hash);
  if (!m) return null;
  if (!m[1]) return { code: null };
  try {
    const code = decodeURIComponent(m[1]).trim();
    return { code: code || null };
  } catch {
    return null; // a malformed %-escape
  }
}

/** "#/settings/tariffs", or a plan's page: "#/settings/tariffs/E-RES". */
export function tariffsHash(code?: string | null): string {
  return code ? `${TARIFFS_HASH}/${encodeURIComponent(code)}` : TARIFFS_HASH;
}
