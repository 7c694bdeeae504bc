// Outages (docs/openapi.yaml): the status of each home of the account, reporting for one of them,
// the addresses it follows for outage alerts, and, open to anyone, an address's status, a report
// by address or by the phone number on file, and the map of affected areas. Status answers come
// from a snapshot (as_of says when); until the server's first one they are 503
// outage-status-unavailable.
import { ApiError, accountPath, del, get, post, request } from "./api.ts";
import type { AccountOutages, OutageStatus, ReportAnswer } from "./outages.ts";
import type { FollowedAddresses } from "./followedAddresses.ts";
import type { OutageMap } from "./outageMap.ts";

export const fetchAccountOutages = (account: string, signal?: AbortSignal) =>
  get<AccountOutages>(accountPath(account, "outages"), signal);

/** A report for a home of the account (30 an hour from one customer). */
export const reportForAccount = (account: string, body: Record<string, string | number>) =>
  request<ReportAnswer>("POST", accountPath(account, "outage-reports"), { body });

/** A report by address or phone number, open to anyone (10 an hour from one connection, then 429). */
export const reportInPublic = (body: Record<string, string | number>) =>
  request<ReportAnswer>("POST", "/api/v1/outage-reports", { body, session: false });

/** Whether an address is in a known outage (outages of fewer than 5 customers are not shown). */
export const fetchOutageStatus = (premise: number, signal?: AbortSignal) =>
  request<OutageStatus>("GET", `/api/v1/outages/status?premise=${encodeURIComponent(String(premise))}`, { signal, session: false });

/** The map of affected areas; null when this server has none (404). */
export async function fetchOutageMap(signal?: AbortSignal): Promise<OutageMap | null> {
  try {
    return await request<OutageMap>("GET", "/api/v1/outages/map", { signal, session: false });
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/** The addresses the account follows for outage alerts (a parent's house), in the order chosen. */
export const fetchFollowedAddresses = (account: string, signal?: AbortSignal) =>
  get<FollowedAddresses>(accountPath(account, "followed-addresses"), signal);

/** Follows an address (idempotent); answers the list now. 422 naming premise: no electricity there, or past 10. */
export const followAddress = (account: string, premise: number) =>
  post<FollowedAddresses>(accountPath(account, "followed-addresses"), { premise });

/** Stops following an address (idempotent); answers the list now. */
export const unfollowAddress = (account: string, premise: number) =>
  del<FollowedAddresses>(accountPath(account, `followed-addresses/${encodeURIComponent(String(premise))}`));
