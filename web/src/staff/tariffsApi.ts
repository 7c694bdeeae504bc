// The rate plans' tariffs over the API (src/api/tariff_handlers.h; src/api/routes.cc declares each
// route's permission): the plans, a tariff as a file (whole, or one version as a file of its own),
// a new tariff's preview on a sample of the plan's latest bills (billing.read, writes nothing) and
// storing it (tariffs.change, which also wants a sign-in from the last 5 minutes: 403
// reauthentication-required). A new tariff is sent as the text the user chose or pasted, exactly
// (the server reads decimals from their text). Relative imports end in .ts for the unit tests
// (test/staffTariffs.test.mjs).

import { JsonText, downloadFile, getJson, request } from "./api.ts";
import type { DownloadedFile } from "./api.ts";
import { tariffFilename } from "./tariffs.ts";
import type { RatePlan, TariffFile, TariffPreview } from "./tariffs.ts";

/** The bills a preview rates again, at most (the server's default; it takes 1 to 100). */
export const PREVIEW_SAMPLE = 25;

const PLANS = "/api/v1/staff/rate-plans";

const tariffPath = (code: string) => `${PLANS}/${encodeURIComponent(code)}/tariff`;

/** GET /api/v1/staff/rate-plans: every plan, with its tariff's versions and the last day it billed. */
export async function fetchRatePlans(signal?: AbortSignal): Promise<RatePlan[]> {
  const answer = await getJson<{ rate_plans: RatePlan[] }>(PLANS, signal);
  return answer.rate_plans;
}

/** The plan's whole tariff, read (404 for a plan without one). */
export function fetchTariff(code: string, signal?: AbortSignal): Promise<TariffFile> {
  return getJson<TariffFile>(tariffPath(code), signal);
}

/** Where the tariff's file is: the whole of it, or the version effective that day as a file of its own. */
export function tariffFileUrl(code: string, effective?: string | null): string {
  return effective ? `${tariffPath(code)}?${new URLSearchParams({ effective })}` : tariffPath(code);
}

/** The tariff (or one version of it) as a file to save, named as the server names it. */
export function downloadTariff(code: string, effective?: string | null, signal?: AbortSignal): Promise<DownloadedFile> {
  return downloadFile(tariffFileUrl(code, effective), "application/json", tariffFilename(code, effective), signal);
}

/**
 * What the tariff in `text` would do to a sample of the plan's latest bills, and whether storing it
 * would be refused (`refused`). 422 naming the field of a file that does not read.
 */
export function previewTariff(code: string, text: string, sample = PREVIEW_SAMPLE, signal?: AbortSignal): Promise<TariffPreview> {
  const query = new URLSearchParams({ sample: String(sample) });
  return request<TariffPreview>("POST", `${tariffPath(code)}/preview?${query}`, new JsonText(text), signal);
}

/**
 * Stores the tariff in `text` on the plan: the plan as the list shows it now. 409 (field tariff)
 * for a change reaching back into days already billed; 422 for a file that does not read.
 */
export function storeTariff(code: string, text: string): Promise<RatePlan> {
  return request<RatePlan>("PUT", tariffPath(code), new JsonText(text));
}
