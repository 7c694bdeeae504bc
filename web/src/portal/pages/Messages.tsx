// Messages: the customer's conversations with the utility, the latest first (subject, topic,
// whose turn it is, the last message's date), a page at a time, and "Write to us" (the form opens
// on the page; /messages?write opens it at once, as Home's link does).
import { useState } from "preact/hooks";
import { Page } from "../components/Page";
import { LoadState } from "../components/Loading";
import { ShowOlder, usePagedList } from "../components/PagedList";
import { useI18n } from "../i18n/context";
import { Link } from "../navigation";
import { useSession } from "../session";
import { fetchThreads } from "../messagesApi";
import { statusKey, threadPath, topicKey } from "../messages";
import { isoLocalDate } from "../validation";
import type { ThreadSummary } from "../types";
import { WriteForm } from "./messages/WriteForm";

const PAGE_SIZE = 20;

export function Messages({ write }: { write: boolean }) {
  const { t, date } = useI18n();
  const { account, changes } = useSession();
  const [writing, setWriting] = useState(write);
  const list = usePagedList<ThreadSummary>(
    (cursor, signal) => fetchThreads(account, PAGE_SIZE, cursor, signal).then((p) => ({ items: p.threads, next_cursor: p.next_cursor })),
    [account, changes],
  );
  const { first, items: threads } = list;

  return (
    <Page title={t("messagesTitle")}>
      <p>{t("messagesIntro")}</p>
      {writing ? (
        <section class="card write-card">
          <WriteForm account={account} onCancel={() => setWriting(false)} />
        </section>
      ) : (
        <p>
          <button type="button" class="button primary" onClick={() => setWriting(true)}>{t("messageWriteToUs")}</button>
        </p>
      )}
      <h2 id="threads-heading">{t("messagesYours")}</h2>
      <LoadState loading={first.loading} error={first.error} onRetry={first.reload} />
      {first.data && threads.length === 0 && <p>{t("messagesNone")}</p>}
      {threads.length > 0 && (
        <ul class="list threads" aria-labelledby="threads-heading">
          {threads.map((th) => (
            <li key={th.id} class="list-item thread-item" data-testid="thread" data-thread={th.id}>
              <div class="row">
                <Link class="strong thread-subject" href={threadPath(th.id)}>{th.subject}</Link>
                <span class={`badge status-${th.status}`}>{t(statusKey(th.status))}</span>
              </div>
              <p class="hint">
                {t("messagesListLine", { topic: t(topicKey(th.topic)), date: date(isoLocalDate(new Date(th.last_message_at))) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <ShowOlder list={list} label={t("messagesShowOlder")} />
    </Page>
  );
}
