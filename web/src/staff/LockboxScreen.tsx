// Lockbox suspense (lockbox.apply): mailed checks the bank deposited that no account could be
// matched to (no stub, an unreadable or unknown reference), oldest first, each with what the bank
// sent and why it is in suspense. Applying one: type the account number, see whose account it
// is, then apply (POST /api/v1/staff/lockbox/items/{id}/apply): its payment posts there.
import { Fragment } from "preact";
import { useState } from "preact/hooks";
import type { LockboxItem } from "./workApi";
import { fetchLockboxSuspense } from "./workApi";
import { formatMoney } from "../shared/money";
import { formatDate } from "../shared/format";
import { accountHash } from "./route";
import { asSentence } from "./labels";
import { useWorkList } from "./useWorkList";
import { ActionOutcome, ListMore, ListStatus, ScreenHeading, focusSoon } from "./WorkParts";
import type { WorkScreenProps } from "./WorkParts";
import { LockboxApplyForm, lockboxApplyButtonId, lockboxPanelId } from "./LockboxApplyForm";

const OUTCOME_ID = "lockbox-outcome";

export function LockboxScreen({ onSessionEnded, onChanged }: WorkScreenProps) {
  const list = useWorkList(fetchLockboxSuspense, "lockbox", onSessionEnded);
  const [open, setOpen] = useState<number | null>(null);
  const [applied, setApplied] = useState<LockboxItem | null>(null);

  const done = (item: LockboxItem) => {
    setOpen(null);
    setApplied(item);
    list.refresh();
    onChanged();
    focusSoon(OUTCOME_ID);
  };

  return (
    <section class="lockbox" aria-labelledby="work-heading">
      <ScreenHeading>Lockbox suspense</ScreenHeading>
      <p class="hint">
        Checks the bank deposited that no account could be matched to, oldest first. Find the account from the check and its stub
        (the references and the text the bank read), then apply the check there: its payment posts to that account.
      </p>
      <ActionOutcome id={OUTCOME_ID}>
        {applied && (
          <strong>
            {formatMoney(applied.amount)} applied to account <a href={accountHash(applied.account_number)}>{applied.account_number}</a> as
            payment {applied.confirmation}.
          </strong>
        )}
      </ActionOutcome>
      <ListStatus list={list} what="checks in suspense" one="check in suspense" empty="No checks are in suspense." />
      {list.items.length > 0 && (
        <div class="table-wrap" role="region" aria-labelledby="lockbox-caption" tabIndex={0} aria-busy={list.busy ? "true" : undefined}>
          <table class="data-table work-table lockbox-table">
            <caption id="lockbox-caption" class="visually-hidden">Checks in suspense, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Deposited</th>
                <th scope="col" class="num">Amount</th>
                <th scope="col">Bank reference</th>
                <th scope="col">From the stub</th>
                <th scope="col">Why in suspense</th>
                <th scope="col"><span class="visually-hidden">Apply</span></th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => {
                const isOpen = item.id === open;
                return (
                  <Fragment key={item.id}>
                    <tr data-item-id={item.id} class={isOpen ? "opened" : undefined}>
                      <th scope="row">
                        <span class="nowrap">{formatDate(item.deposited_on)}</span>
                        <span class="explain nowrap">Item {item.id}, line {item.line}</span>
                      </th>
                      <td class="num strong">{formatMoney(item.amount)}</td>
                      <td><code>{item.bank_reference || "—"}</code></td>
                      <td>
                        {item.customer_reference ? <code>{item.customer_reference}</code> : <span class="explain">No reference</span>}
                        {item.text && <span class="explain">{item.text}</span>}
                      </td>
                      <td>{asSentence(item.reason)}</td>
                      <td>
                        <button type="button" class="secondary small" id={lockboxApplyButtonId(item.id)} aria-expanded={isOpen ? "true" : "false"}
                          aria-controls={isOpen ? lockboxPanelId(item.id) : undefined} onClick={() => setOpen(isOpen ? null : item.id)}>
                          {isOpen ? "Close" : "Apply…"}<span class="visually-hidden"> the {formatMoney(item.amount)} check, item {item.id}</span>
                        </button>
                      </td>
                    </tr>
                    {isOpen && (
                      <tr class="row-panel">
                        <td colSpan={6}>
                          <LockboxApplyForm item={item} onSessionEnded={onSessionEnded} onApplied={done} onClose={() => {
                            setOpen(null);
                            requestAnimationFrame(() => document.getElementById(lockboxApplyButtonId(item.id))?.focus());
                          }} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ListMore list={list} what="checks" />
    </section>
  );
}
