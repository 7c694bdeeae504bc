// The bills on hold as a table: a box to tick per bill (and one for every bill shown), the account
// (a link to its page), the period, the cycle, the charges, why it is held (each reason with its
// evidence), how long, and a button opening the bill below its row. A bill the last answer
// refused says why in its row.
import type { ComponentChildren } from "preact";
import { Fragment } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { HeldBill } from "./workApi";
import { accountHash } from "./route";
import { formatMoney } from "../shared/money";
import { formatDate } from "../shared/format";
import { ageWords, asksToRecalculate, dayCountWords, daysBetween, holdReasonLabel, recalculateHint } from "./billHolds";
import type { BillRefusal } from "./billHolds";
import { localDateOf } from "./localTime";
import { useUtilityZone } from "./useUtilityZone";

export const billPanelId = (id: number) => `held-bill-${id}`;
export const billOpenButtonId = (id: number) => `held-bill-${id}-open`;

/** The date the bill was held: the server's held_since, else its first open hold's, on the utility's clocks. */
function heldSince(bill: HeldBill, zone: string | null): string | null {
  if (bill.held_since) return bill.held_since;
  const first = bill.holds.map((h) => h.created_at).sort()[0];
  return first ? localDateOf(first, zone) : null;
}

export function HeldBillsTable({ bills, busy, canAnswer, chosen, onChoose, onChooseAll, refusals, open, onOpen, panel }: {
  bills: HeldBill[];
  /** Fresh rows are on their way. */
  busy: boolean;
  canAnswer: boolean;
  chosen: ReadonlySet<number>;
  onChoose: (id: number, on: boolean) => void;
  onChooseAll: (on: boolean) => void;
  refusals: ReadonlyMap<number, BillRefusal>;
  open: number | null;
  onOpen: (id: number) => void;
  /** The opened bill, drawn in a row below its own. */
  panel: (bill: HeldBill) => ComponentChildren;
}) {
  // How long each has been held: days on the utility's clocks (its today, its date of each hold).
  const zone = useUtilityZone(true);
  const today = localDateOf(new Date(), zone) ?? "";
  const all = bills.length > 0 && bills.every((b) => chosen.has(b.id));
  const some = bills.some((b) => chosen.has(b.id));
  const allBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (allBox.current) allBox.current.indeterminate = some && !all;
  }, [some, all]);
  const columns = canAnswer ? 8 : 7;
  return (
    <div class="table-wrap" role="region" aria-labelledby="holds-caption" tabIndex={0} aria-busy={busy ? "true" : undefined}>
      <table class="data-table work-table holds-table">
        <caption id="holds-caption" class="visually-hidden">Bills on hold, oldest first</caption>
        <thead>
          <tr>
            {canAnswer && (
              <th scope="col" class="choose">
                <input type="checkbox" ref={allBox} checked={all} aria-label={`Choose all ${bills.length} bills shown`}
                  onChange={(e) => onChooseAll(e.currentTarget.checked)} data-testid="choose-all" />
              </th>
            )}
            <th scope="col">Account</th>
            <th scope="col">Period</th>
            <th scope="col" class="num">Cycle</th>
            <th scope="col" class="num">Charges</th>
            <th scope="col">Why held</th>
            <th scope="col">Held</th>
            <th scope="col"><span class="visually-hidden">Bill</span></th>
          </tr>
        </thead>
        <tbody>
          {bills.map((b) => {
            const since = heldSince(b, zone);
            const days = since ? daysBetween(since, today) : null;
            const refusal = refusals.get(b.id);
            const isOpen = b.id === open;
            return (
              <Fragment key={b.id}>
                <tr class={isOpen ? "opened" : chosen.has(b.id) ? "chosen" : undefined} data-bill-id={b.id}>
                  {canAnswer && (
                    <td class="choose">
                      <input type="checkbox" checked={chosen.has(b.id)} aria-label={`Choose bill ${b.id}, account ${b.account_number}`}
                        onChange={(e) => onChoose(b.id, e.currentTarget.checked)} />
                    </td>
                  )}
                  <th scope="row">
                    <a href={accountHash(b.account_number)}>{b.account_number}</a>
                    <span class="explain">Bill {b.id}</span>
                  </th>
                  <td>
                    <span class="nowrap">{formatDate(b.period.start)} –</span> <span class="nowrap">{formatDate(b.period.end)}</span>
                    <span class="explain">{dayCountWords(b.period.days ?? 0)}</span>
                  </td>
                  <td class="num">{b.cycle ?? "—"}</td>
                  <td class="num strong">{formatMoney(b.charges)}</td>
                  <td class="reasons">
                    <ul class="hold-reasons">
                      {b.holds.map((h) => (
                        <li key={h.id}>
                          <strong>{holdReasonLabel(h.reason)}</strong>
                          <span class="explain">{h.evidence}</span>
                        </li>
                      ))}
                    </ul>
                    {refusal && (
                      <p class="row-refusal" data-testid="row-refusal">
                        <strong>Refused:</strong> {refusal.detail}
                        {asksToRecalculate(refusal) && <span class="explain" data-testid="row-refusal-hint">{recalculateHint("row")}</span>}
                      </p>
                    )}
                  </td>
                  <td class="nowrap">
                    {days !== null ? ageWords(days) : "—"}
                    {since && <span class="explain">since {formatDate(since)}</span>}
                  </td>
                  <td>
                    <button type="button" class="secondary small" id={billOpenButtonId(b.id)} aria-expanded={isOpen ? "true" : "false"}
                      aria-controls={isOpen ? billPanelId(b.id) : undefined} onClick={() => onOpen(b.id)}>
                      {isOpen ? "Close" : canAnswer ? "Review" : "Open"}
                      <span class="visually-hidden"> bill {b.id}</span>
                    </button>
                  </td>
                </tr>
                {isOpen && (
                  <tr class="row-panel">
                    <td colSpan={columns}>{panel(b)}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
