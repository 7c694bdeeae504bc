// The staff console's work queues (pure; test/staffWorkQueues.test.mjs): each queue, the
// permission that lets a user see it (the permission its list route declares, src/api/routes.cc;
// for the applications, the one activating needs), its key in GET /api/v1/staff/work-queues, and
// the words of its count on the navigation. One row per queue; its screen is one file
// (WorkArea.tsx picks it).

export type WorkQueueId =
  | "bill-holds"
  | "vee-exceptions"
  | "adjustments"
  | "lockbox"
  | "pending-payments"
  | "bill-runs"
  | "possible-leaks"
  | "applications";

export interface WorkQueue {
  id: WorkQueueId;
  /** The link's words, and the screen's heading. */
  label: string;
  /** What the queue holds, in a sentence (the Work area's first page). */
  about: string;
  /** The permission the queue's list needs. */
  permission: string;
  /** Its count's key in the work-queues answer (absent when the caller may not see the queue). */
  countKey: string;
  /** What its count counts: "75 waiting", "1 running", "3 open". */
  counted: "waiting" | "running" | "open";
}

export const WORK_QUEUES: readonly WorkQueue[] = [
  {
    id: "bill-holds",
    label: "Bill holds",
    about: "Bills a check held for review before they were sent: approve, recalculate or cancel them.",
    permission: "billing.read",
    countKey: "bill_holds",
    counted: "waiting",
  },
  {
    id: "vee-exceptions",
    label: "Meter-read exceptions",
    about: "Meter reads that failed a validation rule (VEE): accept them, correct them or estimate them.",
    permission: "meter_data.resolve",
    countKey: "vee_exceptions",
    counted: "waiting",
  },
  {
    id: "adjustments",
    label: "Adjustments to approve",
    about: "Adjustments above the approval limit, waiting for a second person.",
    permission: "billing.read",
    countKey: "adjustments",
    counted: "waiting",
  },
  {
    id: "lockbox",
    label: "Lockbox suspense",
    about: "Mailed checks the bank deposited that no account could be matched to: apply each to its account.",
    permission: "lockbox.apply",
    countKey: "lockbox_suspense",
    counted: "waiting",
  },
  {
    id: "pending-payments",
    label: "Pending payments",
    about: "Card payments waiting for the card processor's answer.",
    permission: "billing.read",
    countKey: "pending_payments",
    counted: "waiting",
  },
  {
    id: "bill-runs",
    label: "Bill runs",
    about: "Each cycle's bill run: its progress, what it billed and held, and starting one.",
    permission: "billing.read",
    countKey: "bill_runs_running",
    counted: "running",
  },
  {
    id: "possible-leaks",
    label: "Possible leaks",
    about: "Water and gas meters the morning usage watch found a possible leak on: check with the customer, then close each with what was found.",
    permission: "accounts.read",
    countKey: "possible_leaks",
    counted: "open",
  },
  {
    // Seen with the permission its action needs (the list's is accounts.read): the queue is for
    // activating, which only accounts.open allows. Its count (start_applications) is the start
    // orders with no visit scheduled, those activated and waiting for a visit among them.
    id: "applications",
    label: "Applications",
    about: "Applications for service from the portal, and other start orders not scheduled yet: activate each to open the account and start its services.",
    permission: "accounts.open",
    countKey: "start_applications",
    counted: "waiting",
  },
];

/** What the queues' actions need, beyond seeing the queue. */
export const WORK_ACTION_PERMISSIONS = {
  answerBills: "bills.approve",
  approveAdjustments: "adjustments.approve",
  startBillRuns: "bill_runs.start",
  applyLockbox: "lockbox.apply",
  movePayments: "lockbox.apply",
  closeLeaks: "accounts.change",
  activateApplications: "accounts.open",
  scheduleVisits: "orders.dispatch",
} as const;

/** The queues the user's permissions let them see, in the navigation's order. */
export function queuesFor(permissions: readonly string[]): WorkQueue[] {
  const has = new Set(permissions);
  return WORK_QUEUES.filter((q) => has.has(q.permission));
}

export function workQueue(id: WorkQueueId): WorkQueue {
  const queue = WORK_QUEUES.find((q) => q.id === id);
  if (!queue) throw new RangeError(`not a work queue: ${id}`);
  return queue;
}

/** GET /api/v1/staff/work-queues: a count per queue the caller may see. */
export type WorkCounts = Readonly<Record<string, number>>;

/** The queue's count in the answer, when it is a count (a key the caller may not see is absent). */
export function countOf(queue: WorkQueue, counts: WorkCounts | null): number | null {
  const n = counts?.[queue.countKey];
  return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : null;
}

/**
 * The count in words after the queue's name: "75 waiting", "0 running" (the figure, as the badge
 * shows it: what is read out holds what is seen).
 */
export function countWords(queue: WorkQueue, count: number): string {
  return `${count} ${queue.counted}`;
}

/** The link's accessible name: "Bill holds, 75 waiting"; the name alone when the count is not known. */
export function queueLinkLabel(queue: WorkQueue, count: number | null): string {
  return count === null ? queue.label : `${queue.label}, ${countWords(queue, count)}`;
}
