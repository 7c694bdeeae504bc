// The account's recent events, as the account answer lists them: what happened, when and who did it.
import type { AccountEvent } from "./api";
import { formatInstant } from "../shared/format";
import { Section } from "./Section";

export function HistorySection({ events }: { events: AccountEvent[] }) {
  return (
    <Section id="history" title="History" wide>
      {events.length > 0 ? (
        <ol class="events">
          {events.map((ev, i) => (
            <li key={`${ev.occurred_at}-${i}`}>
              <time dateTime={ev.occurred_at}>{formatInstant(ev.occurred_at)}</time>
              {ev.summary} <code>{ev.kind}</code>
              {ev.actor && <span class="actor">by <code>{ev.actor}</code></span>}
            </li>
          ))}
        </ol>
      ) : (
        <p class="hint">No events recorded.</p>
      )}
    </Section>
  );
}
