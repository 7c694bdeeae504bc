// Bill runs (billing.read): every cycle's run, newest first, with what it billed (accounts, bills
// sent, held, charges, problems), each a link to its page; a user with bill_runs.start starts one
// for a cycle and its read date, and is taken to its page to watch it bill.
import { fetchBillRuns } from "./workApi";
import { formatMoney } from "../shared/money";
import { formatDate } from "../shared/format";
import { billRunHash } from "./workRoute";
import { runState, runStateLabel } from "./billRuns";
import { WORK_ACTION_PERMISSIONS } from "./workQueues";
import { useWorkList } from "./useWorkList";
import { ListMore, ListStatus, ScreenHeading } from "./WorkParts";
import type { WorkScreenProps } from "./WorkParts";
import { StartBillRunForm } from "./StartBillRunForm";

export function BillRunsScreen({ me, onSessionEnded, onChanged }: WorkScreenProps) {
  const list = useWorkList(fetchBillRuns, "bill-runs", onSessionEnded);
  const canStart = me.permissions.includes(WORK_ACTION_PERMISSIONS.startBillRuns);
  return (
    <section class="bill-runs" aria-labelledby="work-heading">
      <ScreenHeading>Bill runs</ScreenHeading>
      <p class="hint">Each cycle's run for its read date, newest first. Open a run for its progress and what it held.</p>
      {canStart ? (
        <StartBillRunForm onSessionEnded={onSessionEnded} onStarted={(run) => {
          onChanged();
          location.hash = billRunHash(run.id);
        }} />
      ) : (
        <p class="hint" data-testid="runs-read-only">Starting a bill run needs the permission bill_runs.start.</p>
      )}
      <ListStatus list={list} what="bill runs" one="bill run" empty="No bill runs yet." />
      {list.items.length > 0 && (
        <div class="table-wrap" role="region" aria-labelledby="runs-caption" tabIndex={0} aria-busy={list.busy ? "true" : undefined}>
          <table class="data-table work-table runs-table">
            <caption id="runs-caption" class="visually-hidden">Bill runs, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col" class="num">Cycle</th>
                <th scope="col">Read date</th>
                <th scope="col">Status</th>
                <th scope="col" class="num">Accounts</th>
                <th scope="col" class="num">Bills sent</th>
                <th scope="col" class="num">Held</th>
                <th scope="col" class="num">Charges</th>
                <th scope="col" class="num">Problems</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((r) => (
                <tr key={r.id} data-run-id={r.id}>
                  <th scope="row"><a href={billRunHash(r.id)}>Run {r.id}</a></th>
                  <td class="num">{r.cycle}</td>
                  <td class="nowrap">
                    {formatDate(r.read_date)}
                    <span class="explain">billed {formatDate(r.bill_date)}</span>
                  </td>
                  <td><span class={`badge run-${runState(r)}`}>{runStateLabel(r)}</span></td>
                  <td class="num">{r.accounts}</td>
                  <td class="num">{r.released}</td>
                  <td class="num">{r.held}</td>
                  <td class="num strong">{formatMoney(r.charges)}</td>
                  <td class={r.problems > 0 ? "num problem-count" : "num"}>{r.problems}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListMore list={list} what="bill runs" />
    </section>
  );
}
