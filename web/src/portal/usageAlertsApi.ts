// High-usage alerts and possible leaks (GET .../alerts), the customer's thresholds (PUT
// .../usage-thresholds) and closing a leak the customer checked (POST .../leaks/{id}/close).
import { accountPath, get, post, put } from "./api.ts";
import type { AccountAlerts, Leak } from "./types.ts";

export const fetchAlerts = (account: string, signal?: AbortSignal) =>
  get<AccountAlerts>(accountPath(account, "alerts"), signal);

/** Sets all three thresholds at once (null: none on that basis); 422 naming the `field` refused. */
export const saveThresholds = (
  account: string,
  thresholds: { amount: string | null; last_bill_percent: number | null; last_year_percent: number | null },
) => put<AccountAlerts>(accountPath(account, "usage-thresholds"), thresholds);

/** Closes a possible leak with what was found; 409 leak-closed when it already was. */
export const closeLeak = (account: string, id: number, resolution: string) =>
  post<{ leak: Leak }>(accountPath(account, `leaks/${encodeURIComponent(String(id))}/close`), { resolution });
