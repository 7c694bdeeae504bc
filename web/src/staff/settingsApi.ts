// The utility's settings over the API (src/api/settings_handlers.h; src/api/routes.cc declares
// each route's permission): the settings, changing one (settings.change, which also wants a sign-in
// from the last 5 minutes: 403 reauthentication-required), their changes, and the bill schedule
// they shape. Relative imports end in .ts for the unit tests (test/staffSettings.test.mjs).

import { getJson, request } from "./api.ts";
import type { ListPage } from "./accountApi.ts";
import type { BillSchedule, Setting, SettingChange, SettingChanged } from "./settings.ts";

/** Changes asked for at a time. */
export const SETTING_CHANGES_PAGE_SIZE = 20;

const STAFF = "/api/v1/staff";

/** GET /api/v1/staff/settings: every setting the product reads, in the rules' order. */
export async function fetchSettings(signal?: AbortSignal): Promise<Setting[]> {
  const answer = await getJson<{ settings: Setting[] }>(`${STAFF}/settings`, signal);
  return answer.settings;
}

/**
 * PUT /api/v1/staff/settings/{key} {"value": "21"}: the value exactly as the rule takes it (a
 * number too is text). 422 naming the key when the value is refused (its `detail` says what it must
 * be), 409 for the time zone once bills exist.
 */
export function changeSetting(key: string, value: string): Promise<SettingChanged> {
  return request<SettingChanged>("PUT", `${STAFF}/settings/${encodeURIComponent(key)}`, { value });
}

/** The changes, newest first, a page at a time. */
export async function fetchSettingChanges(cursor: string | null, signal?: AbortSignal): Promise<ListPage<SettingChange>> {
  const q = new URLSearchParams({ limit: String(SETTING_CHANGES_PAGE_SIZE) });
  if (cursor) q.set("cursor", cursor);
  const page = await getJson<{ changes: SettingChange[]; next_cursor: string | null }>(`${STAFF}/settings/changes?${q}`, signal);
  return { items: page.changes, next_cursor: page.next_cursor };
}

/** Each cycle's read date, bill date and period in a month ("2026-12"; null: the utility's this month). */
export function fetchBillSchedule(month: string | null, signal?: AbortSignal): Promise<BillSchedule> {
  const query = month ? `?${new URLSearchParams({ month })}` : "";
  return getJson<BillSchedule>(`${STAFF}/bill-schedule${query}`, signal);
}
