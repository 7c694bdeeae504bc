// Starting a bill run (bill_runs.start): a cycle and its read date (POST /api/v1/staff/bill-runs).
// The server checks the date against the cycle's calendar and says which date it reads on when
// another is given (at the date field); a run already started is found, not started twice.
import { useState } from "preact/hooks";
import type { ApiError } from "./api";
import { startBillRun } from "./workApi";
import type { BillRun } from "./workApi";
import { START_RUN_FIELDS, checkStartRun } from "./billRuns";
import { Field } from "./Field";
import { useActionForm } from "./useActionForm";
import { ActionProblem } from "./ActionParts";

const fieldId = (f: string) => `start-run-${f.replace(/_/g, "-")}`;

export function StartBillRunForm({ onSessionEnded, onStarted }: {
  onSessionEnded: (e: ApiError) => void;
  onStarted: (run: BillRun) => void;
}) {
  const [cycle, setCycle] = useState("");
  const [readDate, setReadDate] = useState("");
  const form = useActionForm({
    fields: START_RUN_FIELDS,
    serverFields: { cycle: "cycle", read_date: "read_date" },
    fieldId,
    onSessionEnded,
  });
  const submit = (e: Event) => {
    e.preventDefault();
    void form.submit(checkStartRun(cycle, readDate), () => startBillRun(Number(cycle.trim()), readDate), onStarted);
  };
  return (
    <form class="panel start-run" aria-labelledby="start-run-heading" onSubmit={submit} noValidate>
      <h2 id="start-run-heading">Start a bill run</h2>
      <div class="start-run-fields">
        <Field id={fieldId("cycle")} label="Cycle" inputMode="numeric" autocomplete="off" value={cycle}
          onValue={(v) => { form.changed(); setCycle(v); }} error={form.errors.cycle} />
        <Field id={fieldId("read_date")} label="Read date" type="date" value={readDate}
          onValue={(v) => { form.changed(); setReadDate(v); }} error={form.errors.read_date}
          hint="The cycle's scheduled read date this month (today or before)." />
        <div class="form-actions">
          <button type="submit" aria-disabled={form.busy ? "true" : undefined}>{form.busy ? "Starting…" : "Start the run"}</button>
        </div>
      </div>
      <ActionProblem what="Could not start the bill run." problem={form.problem} />
    </form>
  );
}
