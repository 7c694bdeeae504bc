// Pending payments (billing.read): card payments the card processor has not answered for yet
// (GET /api/v1/staff/payments?status=pending), oldest first: the account, the amount, how it came
// in, its confirmation number and since when. Nothing to do here but watch: the server settles
// each when the processor answers.
import { fetchPendingPayments } from "./workApi";
import { accountHash } from "./route";
import { formatMoney } from "../shared/money";
import { formatInstantIn } from "./localTime";
import { useUtilityZone } from "./useUtilityZone";
import { moneyOf } from "./moneyAnswer";
import { channelLabel } from "./labels";
import { useWorkList } from "./useWorkList";
import { ListMore, ListStatus, ScreenHeading } from "./WorkParts";
import type { WorkScreenProps } from "./WorkParts";

export function PendingPaymentsScreen({ onSessionEnded }: WorkScreenProps) {
  const list = useWorkList(fetchPendingPayments, "pending-payments", onSessionEnded);
  const zone = useUtilityZone(true);
  return (
    <section class="pending-payments" aria-labelledby="work-heading">
      <ScreenHeading>Pending payments</ScreenHeading>
      <p class="hint">Card payments waiting for the card processor's answer. Each posts, or fails, when the processor answers.</p>
      {list.state === "ready" && (
        <div class="queue-tools">
          <button type="button" class="secondary small" aria-disabled={list.busy ? "true" : undefined} onClick={() => !list.busy && list.refresh()}>
            {list.busy ? "Asking…" : "Ask again"}
          </button>
        </div>
      )}
      <ListStatus list={list} what="pending payments" one="pending payment" empty="No payments are pending." />
      {list.items.length > 0 && (
        <div class="table-wrap" role="region" aria-labelledby="pending-caption" tabIndex={0} aria-busy={list.busy ? "true" : undefined}>
          <table class="data-table work-table pending-table">
            <caption id="pending-caption" class="visually-hidden">Pending payments</caption>
            <thead>
              <tr>
                <th scope="col">Confirmation</th>
                <th scope="col">Account</th>
                <th scope="col" class="num">Amount</th>
                <th scope="col">Channel</th>
                <th scope="col">Pending since</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((p) => {
                const amount = moneyOf(p.amount);
                return (
                  <tr key={p.confirmation}>
                    <th scope="row"><code>{p.confirmation}</code></th>
                    <td><a href={accountHash(p.account_number)}>{p.account_number}</a></td>
                    <td class="num strong">{amount ? formatMoney(amount) : String(p.amount)}</td>
                    <td>{channelLabel(p.channel)}</td>
                    <td class="nowrap">{p.submitted_at ?? p.created_at ? formatInstantIn((p.submitted_at ?? p.created_at)!, zone) : "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ListMore list={list} what="pending payments" />
    </section>
  );
}
