// The outage console's API (src/api/routes.cc; docs/openapi.yaml): the outages (accounts.read), one
// with its moves, opening one by hand, moving it and setting its ETR (outages.manage), the storm summary, the signals
// by device and an account's outage history. The last three are newer than the rest: a server
// without them answers 404, and the console shows what it has (optional()).

import { getJson, request } from "./api.ts";
import type { ApiError } from "./api.ts";
import type { OutageDetail, Outage, PastOutage, SignalDevice, StormSummary } from "./outages.ts";
import type { MoveBody, RestoreAnswer } from "./outageMoves.ts";
import type { OpenBody } from "./outageOpen.ts";

const OUTAGES = "/api/v1/staff/outages";

/** Open outages (most customers out first), then those ended in the last 24 hours. */
export async function fetchOutages(signal?: AbortSignal): Promise<Outage[]> {
  return (await getJson<{ outages: Outage[] }>(OUTAGES, signal)).outages ?? [];
}

export function fetchOutage(number: string, signal?: AbortSignal): Promise<OutageDetail> {
  return getJson<OutageDetail>(`${OUTAGES}/${encodeURIComponent(number)}`, signal);
}

/** Planned work, or an outage staff know of (201: the outage opened, confirmed). */
export async function openOutage(body: OpenBody): Promise<Outage> {
  return (await request<{ outage: Outage }>("POST", OUTAGES, body)).outage;
}

export function moveOutage(number: string, body: MoveBody): Promise<RestoreAnswer> {
  return request<RestoreAnswer>("POST", `${OUTAGES}/${encodeURIComponent(number)}/moves`, body);
}

export function setOutageEtr(number: string, etr: string): Promise<{ outage: Outage; announced: boolean }> {
  return request<{ outage: Outage; announced: boolean }>("POST", `${OUTAGES}/${encodeURIComponent(number)}/etr`, { etr });
}

/** A route this server may not have yet: null when it answers 404. */
async function optional<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (e) {
    if ((e as ApiError).status === 404) return null;
    throw e;
  }
}

export function fetchStormSummary(signal?: AbortSignal): Promise<StormSummary | null> {
  return optional(getJson<StormSummary>(`${OUTAGES}/summary`, signal));
}

/** The last 12 hours' signals by device. */
export async function fetchSignals(signal?: AbortSignal): Promise<{ as_of: string; devices: SignalDevice[] } | null> {
  return optional(getJson<{ as_of: string; devices: SignalDevice[] }>("/api/v1/staff/outage-signals", signal));
}

export async function fetchOutageHistory(account: string, signal?: AbortSignal): Promise<PastOutage[] | null> {
  const answer = await optional(getJson<{ outages: PastOutage[] }>(`/api/v1/accounts/${encodeURIComponent(account)}/outage-history`, signal));
  return answer ? answer.outages ?? [] : null;
}
