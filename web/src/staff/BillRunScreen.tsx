// One bill run (billing.read): its progress, asked for every 2 s while the server bills it
// (GET /api/v1/staff/bill-runs/{id}), then what it did: bills sent, held (a link to them in the
// hold queue), cancelled since, the charges, and the accounts it could not bill. A run stopped
// partway, or one with problems, can be started again (bill_runs.start): that resumes it and
// retries its problems, billing each account once.
import { useEffect, useRef, useState } from "preact/hooks";
import { asApiError, isAbort } from "./api";
import type { ApiError } from "./api";
import { fetchBillRun, startBillRun } from "./workApi";
import type { BillRun } from "./workApi";
import { formatMoney } from "../shared/money";
import { formatDate } from "../shared/format";
import { BILL_RUN_POLL_MS, keepsPolling, problemWords, progressWords, runProgress, runState, runStateLabel } from "./billRuns";
import { NO_HOLD_FILTERS } from "./billHolds";
import { billHoldsHash, workHash } from "./workRoute";
import { WORK_ACTION_PERMISSIONS } from "./workQueues";
import { consoleProblem } from "./problems";
import { useActionForm } from "./useActionForm";
import { ActionProblem } from "./ActionParts";
import { ScreenHeading } from "./WorkParts";
import type { WorkScreenProps } from "./WorkParts";

export function BillRunScreen({ id, me, onSessionEnded, onChanged }: WorkScreenProps & { id: number }) {
  const [run, setRun] = useState<BillRun | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  // A new number asks again at once (after starting the run again).
  const [round, setRound] = useState(0);
  // What the status line says: the state when it changes, not every figure of every answer.
  const [said, setSaid] = useState("");
  const lastState = useRef<string | null>(null);
  const canStart = me.permissions.includes(WORK_ACTION_PERMISSIONS.startBillRuns);

  useEffect(() => {
    const ctl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      try {
        const answer = await fetchBillRun(id, ctl.signal);
        setRun(answer);
        setProblem(null);
        const state = runState(answer);
        if (state !== lastState.current) {
          if (lastState.current === "billing") onChanged(); // it held bills, it stopped billing: the counts change
          setSaid(stateSentence(answer));
          lastState.current = state;
        }
        if (keepsPolling(answer)) timer = setTimeout(ask, BILL_RUN_POLL_MS);
      } catch (e) {
        if (isAbort(e)) return;
        const err = asApiError(e);
        if (consoleProblem(err) === "sign-in") {
          onSessionEnded(err);
          return;
        }
        setProblem(err);
        // Still billing when last heard of: ask again (a moment's network trouble should not end the watch).
        if (lastState.current === "billing") timer = setTimeout(ask, BILL_RUN_POLL_MS);
      }
    };
    void ask();
    return () => {
      ctl.abort();
      clearTimeout(timer);
    };
  }, [id, round]);

  const title = run ? `Bill run ${id}: cycle ${run.cycle}, read ${formatDate(run.read_date)}` : `Bill run ${id}`;
  return (
    <section class="bill-run" aria-labelledby="work-heading" aria-busy={run === null && problem === null ? "true" : undefined}>
      <a class="back" href={workHash("bill-runs")}>← All bill runs</a>
      <ScreenHeading focusKey={String(id)}>{title}</ScreenHeading>
      <p role="status" class="status-line run-status" data-testid="run-status">{run ? said : problem ? "" : "Loading the bill run…"}</p>
      {problem && (
        <p class="alert" data-testid="run-problem">
          <strong>{run ? "Could not ask for the run's progress." : "Could not load the bill run."}</strong>
          <span class="detail">{problem.detail}</span>
        </p>
      )}
      {run && <RunFigures run={run} />}
      {run && canStart && runState(run) !== "billing" && (run.problems > 0 || runState(run) === "stopped") && (
        <StartAgain run={run} onSessionEnded={onSessionEnded} onStarted={() => {
          lastState.current = null;
          setRound((r) => r + 1);
        }} />
      )}
    </section>
  );
}

/** The state in a sentence, for the status line. */
function stateSentence(run: BillRun): string {
  switch (runState(run)) {
    case "billing":
      return "Billing now: the figures below follow it every 2 seconds.";
    case "done": {
      const problems = problemWords(run.problems);
      return `Done: ${run.released} bill${run.released === 1 ? "" : "s"} sent, ${run.held} held${problems ? `; ${problems}` : ""}.`;
    }
    case "stopped":
      return "Stopped before it finished: start it again to bill the accounts left.";
  }
}

function RunFigures({ run }: { run: BillRun }) {
  const { settled, of } = runProgress(run);
  const cycleHolds = billHoldsHash({ ...NO_HOLD_FILTERS, cycle: String(run.cycle) });
  return (
    <>
      <div class="run-progress">
        <span class={`badge run-${runState(run)}`} data-testid="run-state">{runStateLabel(run)}</span>
        <progress id="run-progress" max={Math.max(of, 1)} value={of === 0 ? 1 : settled} aria-describedby="run-progress-words" />
        <label for="run-progress" class="visually-hidden">Accounts settled</label>
        <span id="run-progress-words" data-testid="run-progress-words">{progressWords(run)}</span>
      </div>
      <dl class="facts run-facts" data-testid="run-facts">
        <dt>Cycle</dt>
        <dd>{run.cycle}</dd>
        <dt>Read date</dt>
        <dd>{formatDate(run.read_date)}</dd>
        <dt>Bill date</dt>
        <dd>{formatDate(run.bill_date)}</dd>
        <dt>Accounts to bill</dt>
        <dd data-testid="run-accounts">{run.accounts}</dd>
        <dt>Bills sent</dt>
        <dd data-testid="run-released">{run.released}</dd>
        <dt>Held for review</dt>
        <dd data-testid="run-held">
          {run.held}
          {run.held > 0 && <> (<a href={cycleHolds}>bills on hold in cycle {run.cycle}</a>)</>}
        </dd>
        <dt>Cancelled since</dt>
        <dd>{run.cancelled}</dd>
        <dt>Charges billed</dt>
        <dd class="strong" data-testid="run-charges">{formatMoney(run.charges)}</dd>
        <dt>Charges held</dt>
        <dd>{formatMoney(run.held_charges)}</dd>
        <dt>Problems</dt>
        <dd data-testid="run-problems" class={run.problems > 0 ? "problem-count" : undefined}>{run.problems}</dd>
      </dl>
      {run.problems > 0 && (
        <div class="callout warn run-problems" data-testid="run-problem-note">
          <p>
            <strong>{problemWords(run.problems)}</strong> (a rate plan with no tariff, or a meter with no read to start from and no
            history to estimate with). The server records each with its reason; this page has only their number. Starting the run
            again retries them.
          </p>
        </div>
      )}
    </>
  );
}

function StartAgain({ run, onSessionEnded, onStarted }: { run: BillRun; onSessionEnded: (e: ApiError) => void; onStarted: () => void }) {
  const form = useActionForm({ fields: [], fieldId: () => "", onSessionEnded });
  return (
    <div class="start-again">
      <ActionProblem what="Could not start the run again." problem={form.problem} />
      <button type="button" class="secondary" aria-disabled={form.busy ? "true" : undefined}
        onClick={() => void form.submit({}, () => startBillRun(run.cycle, run.read_date), onStarted)}>
        {form.busy ? "Starting…" : `Start run ${run.id} again`}
      </button>
    </div>
  );
}
