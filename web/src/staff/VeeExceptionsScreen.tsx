// Meter-read exceptions (meter_data.resolve): the reads validation (VEE) could not settle on its
// own, oldest first: the meter, the accounts whose next bill the day falls into, the rule that
// failed and what it found (the value read against what was expected), with the customer's photo
// of the dial or the re-read ordered for a held reading said. Each is resolved below its row:
// accept the reads, correct them (the right value, or the right register reading) or estimate
// them from the meter's history; a note says why. A held register read may first be read again in
// the field (VeeReread.tsx).
import { Fragment } from "preact";
import { useState } from "preact/hooks";
import { fetchVeeExceptions } from "./workApi";
import type { VeeException } from "./workApi";
import { accountHash } from "./route";
import { formatDate } from "../shared/format";
import { rereadWords, slotTimes, veeResolvedWords, veeRuleLabel } from "./vee";
import { useWorkList } from "./useWorkList";
import { ActionOutcome, ListMore, ListStatus, ScreenHeading, focusSoon } from "./WorkParts";
import type { WorkScreenProps } from "./WorkParts";
import { VeeResolvePanel, veeOpenButtonId, veePanelId } from "./VeeResolvePanel";

const OUTCOME_ID = "vee-outcome";

export function VeeExceptionsScreen({ me, onSessionEnded, onChanged }: WorkScreenProps) {
  const list = useWorkList(fetchVeeExceptions, "vee", onSessionEnded);
  const [open, setOpen] = useState<number | null>(null);
  const [said, setSaid] = useState("");

  const resolved = (e: VeeException) => {
    setOpen(null);
    setSaid(veeResolvedWords(e));
    list.refresh();
    onChanged();
    focusSoon(OUTCOME_ID);
  };
  // The exception stays open (and its panel too) until the re-read is completed: its row names the
  // order from here on (the list is not asked for again, which would drop the pages shown after the first).
  const [rereads, setRereads] = useState<Record<number, string>>({});
  const rereadOrdered = (e: VeeException, order: string) => {
    setRereads((r) => ({ ...r, [e.id]: order }));
    setSaid(`${rereadWords(order)} for exception ${e.id} (meter ${e.meter}).`);
  };

  return (
    <section class="vee-exceptions" aria-labelledby="work-heading">
      <ScreenHeading>Meter-read exceptions</ScreenHeading>
      <p class="hint">
        Reads that failed a validation rule, oldest first. Until one is resolved, the bills of the accounts named may be drafted
        from the reads as they are. Days and times are UTC, as the meter sends them.
      </p>
      <ActionOutcome id={OUTCOME_ID}>{said && <strong>{said}</strong>}</ActionOutcome>
      <ListStatus list={list} what="open exceptions" one="open exception" empty="No meter-read exceptions are open." />
      {list.items.length > 0 && (
        <div class="table-wrap" role="region" aria-labelledby="vee-caption" tabIndex={0} aria-busy={list.busy ? "true" : undefined}>
          <table class="data-table work-table vee-table">
            <caption id="vee-caption" class="visually-hidden">Open meter-read exceptions, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Meter</th>
                <th scope="col">Accounts</th>
                <th scope="col">Day</th>
                <th scope="col">Rule</th>
                <th scope="col">What was found</th>
                <th scope="col"><span class="visually-hidden">Resolve</span></th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => {
                const e = rereads[item.id] && !item.reread_order ? { ...item, reread_order: rereads[item.id] } : item;
                const isOpen = e.id === open;
                const times = slotTimes(e);
                return (
                  <Fragment key={e.id}>
                    <tr class={isOpen ? "opened" : undefined} data-exception-id={e.id}>
                      <th scope="row">
                        <code>{e.meter}</code>
                        <span class="explain">{e.channel === e.unit ? e.unit : `${e.channel} (${e.unit})`} · exception {e.id}</span>
                      </th>
                      <td>
                        {e.affected_accounts.length === 0 ? (
                          <span class="explain">None billed that day</span>
                        ) : (
                          <ul class="plain-list">
                            {e.affected_accounts.map((n) => <li key={n}><a href={accountHash(n)}>{n}</a></li>)}
                          </ul>
                        )}
                      </td>
                      <td class="nowrap">
                        {formatDate(e.day)}
                        {times && <span class="explain">{times}</span>}
                      </td>
                      <td>{veeRuleLabel(e.rule)}</td>
                      <td class="evidence">
                        {e.evidence}
                        {e.photo_id !== undefined && <span class="explain" data-testid="has-dial-photo">With the customer's photo of the dial.</span>}
                        {e.reread_order && <span class="explain" data-testid="row-reread">{rereadWords(e.reread_order)}.</span>}
                      </td>
                      <td>
                        <button type="button" class="secondary small" id={veeOpenButtonId(e.id)} aria-expanded={isOpen ? "true" : "false"}
                          aria-controls={isOpen ? veePanelId(e.id) : undefined} onClick={() => setOpen(isOpen ? null : e.id)}>
                          {isOpen ? "Close" : "Resolve"}<span class="visually-hidden"> exception {e.id}, meter {e.meter}</span>
                        </button>
                      </td>
                    </tr>
                    {isOpen && (
                      <tr class="row-panel">
                        <td colSpan={6}>
                          <VeeResolvePanel exception={e} me={me} onSessionEnded={onSessionEnded} onResolved={resolved}
                            onRereadOrdered={(order) => rereadOrdered(e, order)} onClose={() => setOpen(null)} />
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
      <ListMore list={list} what="exceptions" />
    </section>
  );
}
