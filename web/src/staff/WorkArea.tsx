// The Work area: the work queues the user's permissions open, each a link with its count
// (GET /api/v1/staff/work-queues, asked for when the area opens and after each action), and the
// screen of the queue the address names. Its code loads when the area is first opened (App.tsx).
// Desktop first: the queues are a column at the left from 64rem, a row above the screen below it.
import type { ApiError, Staff } from "./api";
import { WORK_QUEUES, countOf, countWords, queueLinkLabel, queuesFor } from "./workQueues";
import type { WorkQueue } from "./workQueues";
import { queueOfScreen, workHash } from "./workRoute";
import type { WorkScreen } from "./workRoute";
import { useWorkCounts } from "./useWorkCounts";
import type { WorkCountsState } from "./useWorkCounts";
import { ScreenHeading } from "./WorkParts";
import type { WorkScreenProps } from "./WorkParts";
import { BillHoldsScreen } from "./BillHoldsScreen";
import { VeeExceptionsScreen } from "./VeeExceptionsScreen";
import { AdjustmentsScreen } from "./AdjustmentsScreen";
import { LockboxScreen } from "./LockboxScreen";
import { PendingPaymentsScreen } from "./PendingPaymentsScreen";
import { BillRunsScreen } from "./BillRunsScreen";
import { BillRunScreen } from "./BillRunScreen";
import { PossibleLeaksScreen } from "./PossibleLeaksScreen";
import { ApplicationsScreen } from "./ApplicationsScreen";

export function WorkArea({ screen, me, onSessionEnded }: {
  screen: WorkScreen;
  me: Staff;
  onSessionEnded: (e: ApiError) => void;
}) {
  const counts = useWorkCounts(onSessionEnded);
  const queues = queuesFor(me.permissions);
  const current = queueOfScreen(screen);
  const props: WorkScreenProps = { me, onSessionEnded, onChanged: counts.refresh };
  const open = current === null || queues.some((q) => q.id === current);
  return (
    <div class="work-area">
      <WorkNav queues={queues} current={current} counts={counts} />
      <div class="work-screen">
        {!open ? <NotOpen queue={WORK_QUEUES.find((q) => q.id === current)!} /> : <Screen screen={screen} {...props} counts={counts} queues={queues} />}
      </div>
    </div>
  );
}

function Screen({ screen, counts, queues, ...props }: WorkScreenProps & { screen: WorkScreen; counts: WorkCountsState; queues: WorkQueue[] }) {
  switch (screen.queue) {
    case "overview":
      return <WorkOverview queues={queues} counts={counts} permissions={props.me.permissions} />;
    case "bill-holds":
      return <BillHoldsScreen {...props} filters={screen.filters} />;
    case "vee-exceptions":
      return <VeeExceptionsScreen {...props} />;
    case "adjustments":
      return <AdjustmentsScreen {...props} />;
    case "lockbox":
      return <LockboxScreen {...props} />;
    case "pending-payments":
      return <PendingPaymentsScreen {...props} />;
    case "bill-runs":
      return <BillRunsScreen {...props} />;
    case "bill-run":
      return <BillRunScreen key={screen.id} {...props} id={screen.id} />;
    case "possible-leaks":
      return <PossibleLeaksScreen {...props} />;
    case "applications":
      return <ApplicationsScreen {...props} />;
  }
}

/**
 * The queues, each with its count as a badge, read out with the link as its label says it ("Bill
 * holds, 75 waiting"; the badge's figure alone is hidden from screen readers, the label has it).
 */
function WorkNav({ queues, current, counts }: { queues: WorkQueue[]; current: string | null; counts: WorkCountsState }) {
  return (
    <nav class="work-nav" aria-label="Work queues">
      <ul>
        <li>
          <a href={workHash()} aria-current={current === null ? "page" : undefined}>All queues</a>
        </li>
        {queues.map((q) => {
          const n = countOf(q, counts.counts);
          return (
            <li key={q.id}>
              <a href={workHash(q.id)} aria-current={current === q.id ? "page" : undefined} aria-label={queueLinkLabel(q, n)}
                data-testid={`queue-link-${q.id}`}>
                <span class="queue-name">{q.label}</span>{" "}
                {n !== null && (
                  <span class={n === 0 ? "count-badge none" : "count-badge"} aria-hidden="true" data-testid={`queue-count-${q.id}`}>{n}</span>
                )}
              </a>
            </li>
          );
        })}
      </ul>
      {counts.problem && (
        <p class="hint counts-problem" data-testid="counts-problem">
          {counts.problem.status === 404
            ? "This server does not count the queues' items."
            : `The counts could not be had: ${counts.problem.detail}`}
        </p>
      )}
    </nav>
  );
}

/** The Work area's first page: each queue open to the user, what it holds and its count. */
function WorkOverview({ queues, counts, permissions }: { queues: WorkQueue[]; counts: WorkCountsState; permissions: readonly string[] }) {
  const closed = WORK_QUEUES.filter((q) => !permissions.includes(q.permission));
  return (
    <section aria-labelledby="work-heading">
      <ScreenHeading>Work queues</ScreenHeading>
      {queues.length === 0 ? (
        <p>No work queue is open to you.</p>
      ) : (
        <ul class="queue-cards">
          {queues.map((q) => {
            const n = countOf(q, counts.counts);
            return (
              <li key={q.id} class="panel">
                <h2><a href={workHash(q.id)}>{q.label}</a></h2>
                {n !== null && <p class="queue-card-count">{countWords(q, n)}</p>}
                <p class="hint">{q.about}</p>
              </li>
            );
          })}
        </ul>
      )}
      {closed.length > 0 && (
        <p class="hint">
          Not open to you: {closed.map((q) => `${q.label} (needs ${q.permission})`).join("; ")}.
        </p>
      )}
    </section>
  );
}

function NotOpen({ queue }: { queue: WorkQueue }) {
  return (
    <section aria-labelledby="work-heading">
      <ScreenHeading>{queue.label}</ScreenHeading>
      <p class="alert">
        <strong>Not open to you.</strong>
        <span class="detail">This queue needs the permission {queue.permission}, which your roles do not give.</span>
      </p>
    </section>
  );
}
