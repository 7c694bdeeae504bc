// The Inbox (accounts.read): customers' messages to the utility. The four views as tabs, each
// with its count from the figures (GET .../messages/figures; closed has none), the first-reply
// figures over 30 days and the oldest thread waiting on the utility; the view's threads (oldest
// first; closed latest first); a thread's screen; and the canned replies. Its code loads when the
// area is first opened (App.tsx).
import type { ApiError, Staff } from "./api";
import { fetchInbox, fetchInboxFigures } from "./inboxApi";
import type { InboxThread } from "./inboxApi";
import {
  CANNED_REPLIES_HASH, INBOX_PERMISSION, INBOX_VIEWS, actorLabel, inboxHash, inboxThreadHash, minutesLabel, statusLabel, topicLabel,
  viewCount,
} from "./inbox";
import type { InboxFigures, InboxScreen, InboxView } from "./inbox";
import { accountHash } from "./route";
import { accountDigits } from "./leaks";
import { formatInstantIn } from "./localTime";
import { useUtilityZone } from "./useUtilityZone";
import { useResource } from "./useResource";
import { useWorkList } from "./useWorkList";
import { ListMore, ListStatus, ScreenHeading } from "./WorkParts";
import { InboxThreadScreen } from "./InboxThreadScreen";
import { CannedRepliesScreen } from "./CannedRepliesScreen";
import "./inbox.css";

export function InboxArea({ screen, me, onSessionEnded }: { screen: InboxScreen; me: Staff; onSessionEnded: (e: ApiError) => void }) {
  if (!me.permissions.includes(INBOX_PERMISSION)) {
    return (
      <section aria-labelledby="work-heading">
        <ScreenHeading>Inbox</ScreenHeading>
        <p class="alert">
          <strong>Not open to you.</strong>
          <span class="detail">The inbox needs the permission {INBOX_PERMISSION}, which your roles do not give.</span>
        </p>
      </section>
    );
  }
  if (screen.screen === "thread") return <InboxThreadScreen key={screen.id} id={screen.id} me={me} onSessionEnded={onSessionEnded} />;
  if (screen.screen === "canned-replies") return <CannedRepliesScreen me={me} onSessionEnded={onSessionEnded} />;
  return <InboxViewScreen view={screen.view} me={me} onSessionEnded={onSessionEnded} />;
}

function InboxViewScreen({ view, me, onSessionEnded }: { view: InboxView; me: Staff; onSessionEnded: (e: ApiError) => void }) {
  const figures = useResource(fetchInboxFigures, `inbox-figures-${view}`, onSessionEnded);
  const shown = figures.resource.state === "ready" ? figures.resource.data : null;
  const list = useWorkList((cursor, signal) => fetchInbox(view, cursor, signal), `inbox-${view}`, onSessionEnded);
  const zone = useUtilityZone(true);
  const about = INBOX_VIEWS.find((v) => v.id === view)!;
  const what = view === "closed" ? "closed threads" : "threads";
  return (
    <section class="inbox" aria-labelledby="work-heading">
      <div class="inbox-head">
        <ScreenHeading focusKey={view}>Inbox</ScreenHeading>
        <a href={CANNED_REPLIES_HASH}>Canned replies</a>
      </div>
      <nav class="inbox-views" aria-label="Inbox views">
        <ul>
          {INBOX_VIEWS.map((v) => {
            const n = viewCount(v.id, shown);
            return (
              <li key={v.id}>
                <a href={inboxHash(v.id)} aria-current={v.id === view ? "page" : undefined} data-testid={`inbox-view-${v.id}`}>
                  <span>{v.label}</span>{" "}
                  {n !== null && <span class={n === 0 ? "count-badge none" : "count-badge"} data-testid={`inbox-count-${v.id}`}>{n}</span>}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      {shown && <Figures figures={shown} zone={zone} />}
      {figures.resource.state === "failed" && (
        <p class="hint">The figures could not be had: {figures.resource.error.detail}</p>
      )}
      <p class="hint">{about.about}</p>
      <ListStatus list={list} what={what} one={view === "closed" ? "closed thread" : "thread"}
        empty={view === "closed" ? "No thread is closed yet." : `Nothing in ${about.label}.`} />
      {list.items.length > 0 && (
        <div class="table-wrap" role="region" aria-labelledby="inbox-caption" tabIndex={0} aria-busy={list.busy ? "true" : undefined}>
          <table class="data-table work-table inbox-table">
            <caption id="inbox-caption" class="visually-hidden">{about.label}: {about.about}</caption>
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">Account</th>
                <th scope="col">Status</th>
                <th scope="col">{view === "closed" ? "Last message" : "Opened"}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((th) => <ThreadRow key={th.id} thread={th} view={view} zone={zone} myId={me.id} />)}
            </tbody>
          </table>
        </div>
      )}
      <ListMore list={list} what={what} />
    </section>
  );
}

function ThreadRow({ thread, view, zone, myId }: { thread: InboxThread; view: InboxView; zone: string | null; myId: number }) {
  return (
    <tr data-testid="inbox-row" data-thread={thread.id}>
      <th scope="row">
        <a href={inboxThreadHash(thread.id)}>{thread.subject}</a>
        <span class="explain">{topicLabel(thread.topic)}</span>
      </th>
      <td>
        <a class="nowrap" href={accountHash(accountDigits(thread.account))}>{thread.account}</a>
        <span class="explain">{thread.customer}</span>
      </td>
      <td>
        {statusLabel(thread.status)}
        <span class="explain">Assigned: {actorLabel(thread.assigned_to, myId, thread.assigned_to_name)}</span>
      </td>
      <td class="nowrap">{formatInstantIn(view === "closed" ? thread.last_message_at : thread.opened_at, zone)}</td>
    </tr>
  );
}

/** Response times over the last 30 days, and how long the oldest open thread has waited. */
function Figures({ figures, zone }: { figures: InboxFigures; zone: string | null }) {
  return (
    <dl class="inbox-figures" data-testid="inbox-figures">
      <div>
        <dt>First reply, median (30 days)</dt>
        <dd>{minutesLabel(figures.first_reply_median_minutes)}</dd>
      </div>
      <div>
        <dt>First reply, 90th percentile</dt>
        <dd>{minutesLabel(figures.first_reply_p90_minutes)}</dd>
      </div>
      <div>
        <dt>Opened / answered (30 days)</dt>
        <dd>{figures.opened_30_days} / {figures.answered_30_days}</dd>
      </div>
      <div>
        <dt>Waiting on us</dt>
        <dd>
          {figures.open}
          {figures.oldest_open_at && <span class="explain">oldest since {formatInstantIn(figures.oldest_open_at, zone)}</span>}
        </dd>
      </div>
    </dl>
  );
}
