// Bill runs as the work queue shows them (pure; test/staffBillRuns.test.mjs): a run's state in
// words, how far it has got, whether its page should keep asking for its progress, and the
// start form's checks (the server checks the cycle's calendar: src/billing/bill_run.h).

import type { FieldErrors } from "./forms.ts";
import type { BillRun } from "./workApi.ts";

/** How often a run's page asks for its progress while the server bills it. */
export const BILL_RUN_POLL_MS = 2_000;

export type RunState = "billing" | "done" | "stopped";

/**
 * "billing": the server is billing it now; "done": every account of the cycle is settled;
 * "stopped": left running but not billing (the server stopped partway: starting it again
 * resumes it, billing each remaining account once).
 */
export function runState(run: Pick<BillRun, "status" | "billing_now">): RunState {
  if (run.billing_now) return "billing";
  return run.status === "done" ? "done" : "stopped";
}

const STATE_WORDS: Record<RunState, string> = {
  billing: "Billing now",
  done: "Done",
  stopped: "Stopped before it finished",
};

export function runStateLabel(run: Pick<BillRun, "status" | "billing_now">): string {
  return STATE_WORDS[runState(run)];
}

/** Whether the run's page keeps asking for its progress (every BILL_RUN_POLL_MS). */
export function keepsPolling(run: Pick<BillRun, "status" | "billing_now">): boolean {
  return runState(run) === "billing";
}

/** Accounts the run has settled (a bill released, held or since cancelled, or a problem) of those it has to bill. */
export function runProgress(run: Pick<BillRun, "accounts" | "released" | "held" | "cancelled" | "problems">): { settled: number; of: number } {
  const settled = run.released + run.held + run.cancelled + run.problems;
  return { settled: Math.min(settled, run.accounts), of: run.accounts };
}

/** "7 of 10 accounts billed" (settled), or "No accounts to bill" for a cycle with none. */
export function progressWords(run: Pick<BillRun, "accounts" | "released" | "held" | "cancelled" | "problems">): string {
  const { settled, of } = runProgress(run);
  if (of === 0) return "No accounts to bill";
  return `${settled} of ${of} account${of === 1 ? "" : "s"} settled`;
}

/** "3 accounts could not be billed"; "" when none. */
export function problemWords(problems: number): string {
  if (problems <= 0) return "";
  return `${problems} account${problems === 1 ? "" : "s"} could not be billed`;
}

export const START_RUN_FIELDS = ["cycle", "read_date"] as const;

/** The start form: a cycle's number and its read date ("2026-12-04"). */
export function checkStartRun(cycle: string, readDate: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!/^\d{1,3}$/.test(cycle.trim()) || Number(cycle) < 1) errors.cycle = "Type the cycle's number, like 3.";
  if (!readDate) errors.read_date = "Choose the cycle's read date.";
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(readDate)) errors.read_date = "Type the date as YYYY-MM-DD.";
  return errors;
}
