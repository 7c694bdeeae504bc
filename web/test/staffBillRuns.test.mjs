// Bill runs as the work queue shows them (src/staff/billRuns.ts).
import { test } from "node:test";
import assert from "node:assert/strict";

import { checkStartRun, keepsPolling, problemWords, progressWords, runProgress, runState, runStateLabel } from "../.test-build/staff/billRuns.js";

const run = { status: "running", billing_now: true, accounts: 10, released: 4, held: 2, cancelled: 0, problems: 1 };

test("a run billing now is followed; a done one or one stopped partway is not", () => {
  assert.equal(runState(run), "billing");
  assert.equal(keepsPolling(run), true);
  assert.equal(runStateLabel(run), "Billing now");
  const done = { ...run, status: "done", billing_now: false };
  assert.equal(runState(done), "done");
  assert.equal(keepsPolling(done), false);
  const stopped = { ...run, billing_now: false };
  assert.equal(runState(stopped), "stopped");
  assert.equal(runStateLabel(stopped), "Stopped before it finished");
  assert.equal(keepsPolling(stopped), false);
});

test("progress: accounts settled (a bill released, held or cancelled since, or a problem) of those to bill", () => {
  assert.deepEqual(runProgress(run), { settled: 7, of: 10 });
  assert.equal(progressWords(run), "7 of 10 accounts settled");
  assert.equal(progressWords({ ...run, accounts: 0, released: 0, held: 0, problems: 0 }), "No accounts to bill");
  assert.deepEqual(runProgress({ ...run, accounts: 1, released: 3 }), { settled: 1, of: 1 }, "never past the whole");
  assert.equal(problemWords(0), "");
  assert.equal(problemWords(1), "1 account could not be billed");
  assert.equal(problemWords(3), "3 accounts could not be billed");
});

test("starting a run needs the cycle's number and a date", () => {
  assert.deepEqual(checkStartRun("4", "2026-12-04"), {});
  assert.deepEqual(Object.keys(checkStartRun("", "")).sort(), ["cycle", "read_date"]);
  assert.match(checkStartRun("0", "2026-12-04").cycle, /cycle's number/);
  assert.match(checkStartRun("4", "12/04/2026").read_date, /YYYY-MM-DD/);
});
