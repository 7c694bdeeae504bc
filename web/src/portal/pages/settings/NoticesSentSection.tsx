// Settings: the notices sent about the account, newest first, 20 at a time: when (the customer's
// locale and zone), the subject, to whom (masked) and how delivery went, in words.
import { LoadState } from "../../components/Loading";
import { ShowOlder, usePagedList } from "../../components/PagedList";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";
import { fetchSentNotices } from "../../noticesApi";
import { nextBeforeCursor, noticeStatusName } from "../../notices";
import type { SentNotice } from "../../types";

export function NoticesSentSection() {
  const { t, instant, language } = useI18n();
  const { account, changes } = useSession();
  const list = usePagedList<SentNotice>(
    (cursor, signal) =>
      fetchSentNotices(account, cursor, signal).then((p) => ({ items: p.notices, next_cursor: nextBeforeCursor(p.next_before) })),
    [account, changes],
  );
  const { first, items } = list;
  return (
    <section class="card" aria-labelledby="notices-sent-heading" id="notices-sent">
      <h2 id="notices-sent-heading">{t("noticesSentTitle")}</h2>
      <p class="hint">{t("noticesSentIntro")}</p>
      <LoadState loading={first.loading && !first.data} error={first.error} onRetry={first.reload} />
      {first.data && items.length === 0 && <p>{t("noticesSentNone")}</p>}
      {items.length > 0 && (
        <ul class="list notices-sent" data-testid="notices-sent">
          {items.map((n) => (
            <li key={n.id} class="list-item notice-sent" data-kind={n.kind}>
              <span class="strong notice-subject">{n.subject}</span>
              <span class={n.status === "sent" ? "badge" : "badge warn"}>{noticeStatusName(n.status, t)}</span>
              <p class="hint">
                <time dateTime={n.created_at}>{instant(n.created_at)}</time>
                <br />
                <span class="notice-recipient">{t("noticeSentTo", { recipient: n.recipient })}</span>
              </p>
              {/* The mail server's own words, in English only; the status says it in every language. */}
              {n.status === "retrying" && n.problem && language === "en" && <p class="hint">{n.problem}</p>}
            </li>
          ))}
        </ul>
      )}
      <ShowOlder list={list} label={t("noticesShowMore")} />
    </section>
  );
}
