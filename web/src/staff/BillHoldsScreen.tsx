// Bill holds (billing.read): the bills a check held before they were sent, oldest first, with the
// filters in the address. A user who may answer them (bills.approve) ticks bills, or every bill
// shown, and approves or cancels them together with one note (each bill answered on its own: a
// refused one says why in its row), or opens one to approve, recalculate or cancel it alone.
// After each answer the list and the navigation's counts are asked for again.
import { useEffect, useState } from "preact/hooks";
import { fetchBillHolds } from "./workApi";
import type { BillAction, BillActionOutcome, BulkBillAction, BulkBillAnswer } from "./workApi";
import { billOutcomeWords, bulkRefusalWords, bulkSummary, filterRefusal, isFiltered, replacementFilters } from "./billHolds";
import type { BillRefusal, HoldFilters } from "./billHolds";
import { billHoldsHash } from "./workRoute";
import { WORK_ACTION_PERMISSIONS } from "./workQueues";
import { useWorkList } from "./useWorkList";
import { ActionOutcome, ListMore, ListStatus, ScreenHeading, focusSoon } from "./WorkParts";
import type { WorkScreenProps } from "./WorkParts";
import { HoldFiltersForm } from "./HoldFiltersForm";
import { HeldBillsTable } from "./HeldBillsTable";
import { BulkBillAnswerForm } from "./BulkBillAnswerForm";
import { HeldBillPanel } from "./HeldBillPanel";

const OUTCOME_ID = "holds-outcome";

interface Said {
  summary: string;
  lines: string[];
  /** Where to see what the answer made (a recalculated bill held again, listed with its cycle's). */
  link?: { href: string; text: string };
  /** A bill of the answer was refused. */
  refused?: boolean;
}

export function BillHoldsScreen({ me, filters, onSessionEnded, onChanged }: WorkScreenProps & { filters: HoldFilters }) {
  const key = billHoldsHash(filters);
  const list = useWorkList((cursor, signal) => fetchBillHolds(filters, cursor, signal), key, onSessionEnded);
  const canAnswer = me.permissions.includes(WORK_ACTION_PERMISSIONS.answerBills);
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [refusals, setRefusals] = useState<ReadonlyMap<number, BillRefusal>>(new Map());
  const [said, setSaid] = useState<Said | null>(null);
  const [open, setOpen] = useState<number | null>(null);

  // Other filters: nothing chosen, nothing said of the last list.
  useEffect(() => {
    setChosen(new Set());
    setRefusals(new Map());
    setSaid(null);
    setOpen(null);
  }, [key]);

  // A bill no longer listed (answered here or by someone else) is no longer chosen.
  useEffect(() => {
    const listed = new Set(list.items.map((b) => b.id));
    setChosen((c) => ([...c].every((id) => listed.has(id)) ? c : new Set([...c].filter((id) => listed.has(id)))));
    setOpen((o) => (o !== null && !listed.has(o) ? null : o));
  }, [list.items]);

  // A filter the server refused (422 naming it) is said at the filter, not as a list that could not load.
  const refused = list.state === "failed" ? filterRefusal(list.error) : null;

  const afterAnswer = (next: Said) => {
    setSaid(next);
    list.refresh();
    onChanged();
    focusSoon(OUTCOME_ID);
  };

  const bulkAnswered = (action: BulkBillAction, answer: BulkBillAnswer) => {
    const refused = new Map(refusals);
    const done = new Set<number>();
    for (const r of answer.results) {
      if (r.done) {
        done.add(r.bill_id);
        refused.delete(r.bill_id);
      } else {
        refused.set(r.bill_id, { detail: r.refused ?? "Refused.", code: r.code });
      }
    }
    setRefusals(refused);
    setChosen((c) => new Set([...c].filter((id) => !done.has(id))));
    afterAnswer({
      summary: bulkSummary(action, answer.results),
      refused: answer.results.some((r) => !r.done),
      lines: answer.results.map((r) =>
        r.done && r.outcome ? billOutcomeWords(action, r.outcome) : bulkRefusalWords(r.bill_id, r.refused, r.code),
      ),
    });
  };

  const singleAnswered = (action: BillAction, outcome: BillActionOutcome) => {
    const refused = new Map(refusals);
    refused.delete(outcome.bill_id);
    setRefusals(refused);
    setOpen(null);
    // A replacement held again was drafted today: listed with its cycle's bills on hold.
    const heldAgain = action === "recalculate" && outcome.replacement?.status === "held" ? outcome.replacement : null;
    const where = heldAgain ? replacementFilters(filters, list.items.find((b) => b.id === outcome.bill_id)?.cycle) : null;
    afterAnswer({
      summary: billOutcomeWords(action, outcome),
      lines: [],
      link: heldAgain && where
        ? { href: billHoldsHash(where), text: `Show cycle ${where.cycle}'s bills on hold, with bill ${heldAgain.bill_id}` }
        : undefined,
    });
  };

  const choose = (id: number, on: boolean) =>
    setChosen((c) => {
      const next = new Set(c);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const chooseAll = (on: boolean) => setChosen(on ? new Set(list.items.map((b) => b.id)) : new Set());

  return (
    <section class="hold-queue" aria-labelledby="work-heading">
      <ScreenHeading>Bill holds</ScreenHeading>
      <p class="hint">
        Bills a check held before they were sent, oldest first. Approving sends a bill as it was drafted; recalculating drafts it
        again from the meter data as it is now (after a corrected read); cancelling means it is not sent, and the cycle's next run
        bills the period again. A bill that waited past its cycle's next read cannot be approved as drafted: recalculate it first.
      </p>
      <HoldFiltersForm filters={filters} refused={refused} onSame={list.refresh} />
      {canAnswer ? (
        <BulkBillAnswerForm chosen={[...chosen]} shown={list.items.length} onSessionEnded={onSessionEnded} onAnswered={bulkAnswered} />
      ) : (
        <p class="hint" data-testid="holds-read-only">Approving, recalculating or cancelling a bill needs the permission bills.approve.</p>
      )}
      <ActionOutcome id={OUTCOME_ID} refused={said?.refused}>
        {said && (
          <>
            <strong>{said.summary}</strong>
            {said.lines.length > 0 && (
              <ul class="outcome-lines">
                {said.lines.map((line, i) => <li key={i}>{line}</li>)}
              </ul>
            )}
            {said.link && <p class="outcome-link"><a href={said.link.href}>{said.link.text}</a></p>}
          </>
        )}
      </ActionOutcome>
      <ListStatus list={list} what="bills on hold" one="bill on hold" empty={isFiltered(filters) ? "No bills on hold match these filters." : "No bills are on hold."}
        problemShown={refused !== null} />
      {list.items.length > 0 && (
        <HeldBillsTable
          bills={list.items}
          busy={list.busy}
          canAnswer={canAnswer}
          chosen={chosen}
          onChoose={choose}
          onChooseAll={chooseAll}
          refusals={refusals}
          open={open}
          onOpen={(id) => setOpen(id === open ? null : id)}
          panel={(bill) => (
            <HeldBillPanel key={bill.id} bill={bill} canAnswer={canAnswer} refusal={refusals.get(bill.id)} onSessionEnded={onSessionEnded}
              onAnswered={singleAnswered}
              onClose={() => setOpen(null)} />
          )}
        />
      )}
      <ListMore list={list} what="bills on hold" />
    </section>
  );
}
