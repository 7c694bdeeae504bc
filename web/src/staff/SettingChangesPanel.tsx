// The settings' recent changes (GET /api/v1/staff/settings/changes), newest first, a page at a
// time: which setting, before and after (holidays as the days added and removed), who made the
// change (their name) and when, in the utility's local time.
import { formatDate } from "../shared/format";
import { changeValueText, holidayChanges, settingLabel } from "./settings";
import type { SettingChange } from "./settings";
import type { WorkList } from "./useWorkList";
import { formatInstantIn, formatZoneName } from "./localTime";
import { actorKindNote } from "./labels";
import { ListMore, ListStatus } from "./WorkParts";
import { headingId } from "./Section";

const ID = "setting-changes";

/** A holidays change in words: "Added Dec 9, 2026. Removed Dec 25, 2026." */
function holidaysWords(c: SettingChange): string {
  const { added, removed } = holidayChanges(c.from, c.to);
  const list = (days: string[]) => days.map((d) => formatDate(d)).join(", ");
  const parts = [added.length ? `Added ${list(added)}.` : "", removed.length ? `Removed ${list(removed)}.` : ""].filter(Boolean);
  return parts.length ? parts.join(" ") : "No day added or removed.";
}

export function SettingChangesPanel({ list, zone }: { list: WorkList<SettingChange>; zone: string | null }) {
  return (
    <section id={`${ID}-section`} class="panel setting-changes" aria-labelledby={headingId(ID)} aria-busy={list.busy ? "true" : undefined}
      data-testid="setting-changes">
      <h2 id={headingId(ID)} tabIndex={-1}>Recent changes</h2>
      <p class="hint">
        Newest first, with who made each.{zone && ` Times are the utility's local time (${formatZoneName(zone)}).`}
      </p>
      <ListStatus list={list} what="changes" one="change" empty="No setting has been changed here yet." />
      {list.items.length > 0 && (
        <ol class="change-list">
          {list.items.map((c) => {
            const kindWords = actorKindNote(c.actor_name, c.actor_kind);
            return (
              <li key={c.id} data-change-id={c.id} data-key={c.key}>
                <p class="change-what">
                  <strong>{settingLabel(c.key)}</strong> <code>{c.key}</code>
                </p>
                {c.key === "bill_holidays" && <p class="change-days">{holidaysWords(c)}</p>}
                <p class="change-values">
                  <span class="visually-hidden">From </span>
                  <span class="from">{changeValueText(c.key, c.from)}</span>
                  <span aria-hidden="true"> → </span>
                  <span class="visually-hidden"> to </span>
                  <span class="to">{changeValueText(c.key, c.to)}</span>
                </p>
                <p class="change-who">
                  <span class="actor-name" data-testid="change-actor">{c.actor_name}</span>
                  {kindWords && <span class="explain-inline"> ({kindWords})</span>}
                  <span aria-hidden="true"> · </span>
                  <time dateTime={c.at}>{formatInstantIn(c.at, zone)}</time>
                </p>
              </li>
            );
          })}
        </ol>
      )}
      <ListMore list={list} what="changes" />
    </section>
  );
}
