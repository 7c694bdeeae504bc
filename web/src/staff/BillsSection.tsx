// Bills: every bill sent, newest first (GET .../bills, a page at a time); opening one shows its
// totals and every line with its explanation (GET .../bills/{number}) and links to its PDF; a
// user who may change the account (accounts.change) can email it again from there.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ApiError } from "./api";
import { billPdfUrl, fetchBill } from "./accountApi";
import type { BillSummary } from "../portal/types";
import { formatMoney } from "../shared/money";
import { formatDate } from "../shared/format";
import { Section, ShowOlder, WhenLoaded } from "./Section";
import { lazyPart } from "./lazyPart";
import { useResource } from "./useResource";
import type { PagedLoaded } from "./useResource";

const BillDetail = lazyPart("bill's lines", () => import("./BillDetail").then((m) => m.BillDetail));

const billButtonId = (n: number) => `bill-${n}-open`;

export function BillsSection({ account, bills, canResend, onResent, onSessionEnded }: {
  account: string;
  bills: PagedLoaded<BillSummary>;
  /** The user may email a bill again (accounts.change). */
  canResend: boolean;
  /** A bill was emailed again: the History shows it. */
  onResent: () => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  const [open, setOpen] = useState<number | null>(null);
  const close = () => {
    const was = open;
    setOpen(null);
    if (was !== null) document.getElementById(billButtonId(was))?.focus();
  };
  return (
    <Section id="bills" title="Bills" wide>
      <WhenLoaded what="the bills" resource={bills.resource} onRetry={bills.reload}>
        {() =>
          bills.items.length === 0 ? (
            <p>No bills sent yet.</p>
          ) : (
            <BillTable account={account} bills={bills.items} open={open} onOpen={(n) => setOpen(n === open ? null : n)} />
          )
        }
      </WhenLoaded>
      <ShowOlder list={bills} what="bills" />
      {open !== null && (
        <OpenedBill key={open} account={account} number={open} canResend={canResend} onResent={onResent} onClose={close}
          onSessionEnded={onSessionEnded} />
      )}
    </Section>
  );
}

function BillTable({ account, bills, open, onOpen }: {
  account: string;
  bills: BillSummary[];
  open: number | null;
  onOpen: (n: number) => void;
}) {
  return (
    <div class="table-wrap" role="region" aria-labelledby="bills-caption" tabIndex={0}>
      <table class="data-table bills-table">
        <caption id="bills-caption" class="visually-hidden">Bills sent, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Bill</th>
            <th scope="col">Bill date</th>
            <th scope="col">Period</th>
            <th scope="col">Due</th>
            <th scope="col" class="num">Charges</th>
            <th scope="col" class="num">Amount due</th>
            <th scope="col">Notes</th>
            <th scope="col"><span class="visually-hidden">PDF</span></th>
          </tr>
        </thead>
        <tbody>
          {bills.map((b) => (
            <tr key={b.id} class={b.number !== null && b.number === open ? "opened" : undefined} data-testid="bill-row">
              <th scope="row" data-testid="bill-number">
                {b.number !== null ? (
                  <button
                    type="button"
                    class="link-button"
                    id={billButtonId(b.number)}
                    aria-expanded={b.number === open ? "true" : "false"}
                    aria-controls={b.number === open ? "opened-bill" : undefined}
                    onClick={() => onOpen(b.number!)}
                  >
                    <span class="visually-hidden">Bill </span>
                    {b.number}
                  </button>
                ) : (
                  "—"
                )}
              </th>
              <td class="nowrap" data-testid="bill-date">{formatDate(b.bill_date)}</td>
              <td>
                <span class="nowrap">{formatDate(b.period.start)} –</span> <span class="nowrap">{formatDate(b.period.end)}</span>
              </td>
              <td class="nowrap" data-testid="bill-due">{formatDate(b.due_date)}</td>
              <td class="num" data-testid="bill-charges">{formatMoney(b.charges)}</td>
              <td class="num strong" data-testid="bill-amount-due">{formatMoney(b.amount_due)}</td>
              <td data-testid="bill-notes"><BillNotes bill={b} /></td>
              <td>
                {b.number !== null && (
                  <a href={billPdfUrl(account, b.number)} target="_blank" rel="noopener">
                    PDF<span class="visually-hidden"> of bill {b.number} (opens a new tab)</span>
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What sets a bill apart, in words: cancelled, a rebill, estimated, final, budget, arrangement. */
function BillNotes({ bill: b }: { bill: BillSummary }) {
  const notes: string[] = [];
  if (b.status === "cancelled") notes.push(b.cancel_reason ? `Cancelled: ${b.cancel_reason}` : "Cancelled");
  if (b.replaces_bill_id !== null) notes.push("Rebill");
  if (b.estimated) notes.push("Estimated");
  if (b.final) notes.push("Final");
  if (b.budget) notes.push(`Budget installment ${formatMoney(b.budget.installment)}`);
  if (b.arrangement) notes.push(`Arrangement installment ${formatMoney(b.arrangement.installment)}`);
  return notes.length > 0 ? <>{notes.join(" · ")}</> : null;
}

function OpenedBill({ account, number, canResend, onResent, onClose, onSessionEnded }: {
  account: string;
  number: number;
  canResend: boolean;
  onResent: () => void;
  onClose: () => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  const bill = useResource((signal) => fetchBill(account, number, signal), `${account}|${number}`, onSessionEnded);
  const heading = useRef<HTMLHeadingElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView({ block: "start" });
    heading.current?.focus({ preventScroll: true });
    BillDetail.load().catch(() => {}); // its code comes down beside the bill (shown when drawn)
  }, []);
  return (
    <div id="opened-bill" ref={box} class="opened-bill" role="region" aria-labelledby="opened-bill-heading" data-testid="opened-bill">
      <div class="opened-bill-head">
        <h3 id="opened-bill-heading" tabIndex={-1} ref={heading}>Bill {number}</h3>
        <a href={billPdfUrl(account, number)} target="_blank" rel="noopener">
          The bill as sent (PDF)<span class="visually-hidden">, opens a new tab</span>
        </a>
        <button type="button" class="secondary" onClick={onClose}>Close bill {number}</button>
      </div>
      <WhenLoaded what={`bill ${number}`} resource={bill.resource} onRetry={bill.reload}>
        {(b) => <BillDetail bill={b} resend={canResend ? { account, onResent, onSessionEnded } : null} />}
      </WhenLoaded>
    </div>
  );
}
