// History: everything that happened to the account, newest first (GET .../history, 50 at a time),
// with when in the utility's time, what in words, its kind and who did it; a filter keeps one
// group of kinds (bills, payments, notes, ...). The filter stays in place (and keeps focus) while
// the events it asked for load.
import type { HistoryEvent } from "./accountApi";
import { formatLocalDateTime, formatZoneName } from "./localTime";
import { actorKindNote, eventKindLabel, kindGroupLabel } from "./labels";
import { kindChoices } from "./history";
import { Section, ShowOlder, WhenLoaded } from "./Section";
import type { AccountHistory } from "./useAccountHistory";

export function HistorySection({ history }: { history: AccountHistory }) {
  const { kind, kinds } = history;
  return (
    <Section id="history" title="History" wide busy={history.resource.state === "loading"}>
      <div class="history-head">
        <p class="hint">
          Newest first.
          {history.timeZone && <> Times are the utility's local time ({formatZoneName(history.timeZone)}).</>}
        </p>
        {kinds.length > 0 && (
          <div class="history-filter">
            <label for="history-kind">Kind of event</label>
            <select id="history-kind" value={kind} onChange={(e) => history.setKind(e.currentTarget.value)}>
              <option value="">All</option>
              {kindChoices(kinds, kind).map((k) => (
                <option key={k} value={k}>{kindGroupLabel(k)}</option>
              ))}
            </select>
          </div>
        )}
      </div>
      <WhenLoaded what="the history" resource={history.resource} onRetry={history.reload}>
        {() =>
          history.events.length === 0 ? (
            <p>{kind ? `No ${kindGroupLabel(kind).toLowerCase()} events recorded.` : "No events recorded."}</p>
          ) : (
            <HistoryTable events={history.events} filtered={kind ? kindGroupLabel(kind) : null} />
          )
        }
      </WhenLoaded>
      <ShowOlder list={history} what="events" />
    </Section>
  );
}

function HistoryTable({ events, filtered }: { events: HistoryEvent[]; filtered: string | null }) {
  return (
    <div class="table-wrap" role="region" aria-labelledby="history-caption" tabIndex={0}>
      <table class="data-table history-table">
        <caption id="history-caption" class="visually-hidden">
          Account events, newest first{filtered ? `: ${filtered} only` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What</th>
            <th scope="col">Kind</th>
            <th scope="col">Who</th>
          </tr>
        </thead>
        <tbody>
          {events.map((ev) => {
            const kindWords = actorKindNote(ev.actor_name, ev.actor_kind);
            return (
              <tr key={ev.id}>
                <th scope="row" class="nowrap">
                  <time dateTime={ev.occurred_at_local}>{formatLocalDateTime(ev.occurred_at_local)}</time>
                </th>
                <td class="history-summary">{ev.summary}</td>
                <td>{eventKindLabel(ev.kind)}</td>
                <td>
                  {ev.actor_name}
                  {kindWords && <span class="explain">{kindWords}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
