// The Work area's hash routes (pure; test/staffWorkQueues.test.mjs), under #/queues:
//
//   #/queues                       the queues, each with its count
//   #/queues/bill-holds?rule=&cycle=&older_than_days=&min_amount=&max_amount=
//                                  bills on hold, the filters in the query (any may be left out)
//   #/queues/vee-exceptions        meter-read exceptions
//   #/queues/adjustments           adjustments waiting for approval
//   #/queues/lockbox               lockbox suspense
//   #/queues/pending-payments      payments waiting for the card processor
//   #/queues/bill-runs             bill runs, and starting one
//   #/queues/bill-runs/{id}        one run, its progress followed while it bills
//   #/queues/possible-leaks        possible leaks the usage watch found (open, or closed)
//   #/queues/applications          applications for service, to activate

import { NO_HOLD_FILTERS, holdParams, parseHoldFilters } from "./billHolds.ts";
import type { HoldFilters } from "./billHolds.ts";
import type { WorkQueueId } from "./workQueues.ts";

export type WorkScreen =
  | { queue: "overview" }
  | { queue: "bill-holds"; filters: HoldFilters }
  | { queue: Exclude<WorkQueueId, "bill-holds"> }
  | { queue: "bill-run"; id: number };

const PLAIN_QUEUES: readonly Exclude<WorkQueueId, "bill-holds">[] = [
  "vee-exceptions",
  "adjustments",
  "lockbox",
  "pending-payments",
  "bill-runs",
  "possible-leaks",
  "applications",
];

/** The screen of a hash under #/queues; null for a hash outside the Work area (or an unknown queue). */
export function parseWorkRoute(hash: string): WorkScreen | null {
  const m = /^#\/queues(?:\/([^?]*?))?\/?(?:\?(.*))?$/.exec(hash);
  if (!m) return null;
  const path = m[1] ?? "";
  if (path === "") return { queue: "overview" };
  if (path === "bill-holds") return { queue: "bill-holds", filters: parseHoldFilters(m[2] ?? "") };
  const run = /^bill-runs\/(\d{1,15})$/.exec(path);
  if (run) return { queue: "bill-run", id: Number(run[1]) };
  const plain = PLAIN_QUEUES.find((q) => q === path);
  return plain ? { queue: plain } : null;
}

/** "#/queues", or a queue's page: "#/queues/adjustments". */
export function workHash(queue: WorkQueueId | "overview" = "overview"): string {
  return queue === "overview" ? "#/queues" : `#/queues/${queue}`;
}

/** "#/queues/bill-holds", or with the filters that are set: "#/queues/bill-holds?rule=high_bill". */
export function billHoldsHash(filters: HoldFilters = NO_HOLD_FILTERS): string {
  const query = holdParams(filters).toString();
  return query ? `#/queues/bill-holds?${query}` : "#/queues/bill-holds";
}

export function billRunHash(id: number): string {
  return `#/queues/bill-runs/${id}`;
}

/** The queue a screen belongs to (a run's page is the bill runs'); null for the overview. */
export function queueOfScreen(screen: WorkScreen): WorkQueueId | null {
  if (screen.queue === "overview") return null;
  return screen.queue === "bill-run" ? "bill-runs" : screen.queue;
}
