// One conversation with the utility (/messages/{id}): its subject, topic and whose turn it is,
// then every message in order, the customer's ("You") set apart from the utility's (its name),
// each with its files to download; then the reply box (a reply reopens a closed conversation).
// A conversation that is not the account's own is "not found", as any other address.
import { Page } from "../components/Page";
import { LoadState } from "../components/Loading";
import { useLoad } from "../components/useLoad";
import { useUtilityName } from "../components/Footer";
import { useI18n } from "../i18n/context";
import { Link } from "../navigation";
import { useSession } from "../session";
import { attachmentPath, fetchThread } from "../messagesApi";
import { fileSize, isMine, statusKey, topicKey } from "../messages";
import type { ThreadMessage } from "../types";
import { ReplyForm } from "./messages/ReplyForm";

export function MessageThread({ thread }: { thread: string }) {
  const { t } = useI18n();
  const { account, changes } = useSession();
  const loaded = useLoad((signal) => fetchThread(account, thread, signal), [account, thread, changes]);
  if (loaded.error?.status === 404) {
    return (
      <Page title={t("messageNotFoundTitle")}>
        <p>{t("messageNotFound")}</p>
        <p><Link href="/messages" class="button">{t("messageBackToAll")}</Link></p>
      </Page>
    );
  }
  const data = loaded.data;
  return (
    <Page title={data ? data.thread.subject : t("messageTitle")}>
      <p><Link href="/messages">{t("messageBackToAll")}</Link></p>
      <LoadState loading={loaded.loading && !data} error={loaded.error} onRetry={loaded.reload} />
      {data && (
        <>
          <p class="thread-facts">
            <span class={`badge status-${data.thread.status}`} data-testid="thread-status">{t(statusKey(data.thread.status))}</span>{" "}
            <span class="hint">{t(topicKey(data.thread.topic))}</span>
          </p>
          <ol class="conversation" aria-label={t("messageConversation")}>
            {data.messages.map((m) => <MessageItem key={m.id} account={account} message={m} />)}
          </ol>
          {data.thread.status === "closed" && <p class="hint">{t("messageClosedHint")}</p>}
          <ReplyForm account={account} thread={thread} onSent={loaded.set} />
        </>
      )}
    </Page>
  );
}

function MessageItem({ account, message }: { account: string; message: ThreadMessage }) {
  const { t, instant, locale } = useI18n();
  const utility = useUtilityName();
  const mine = isMine(message);
  return (
    <li class={mine ? "message mine" : "message theirs"} data-testid="message" data-from={message.from}>
      <p class="message-who">
        <span class="strong">{mine ? t("messageFromYou") : utility}</span>{" "}
        <span class="hint">{instant(message.created_at)}</span>
      </p>
      <p class="message-body">{message.body}</p>
      {message.attachments.length > 0 && (
        <ul class="message-files" aria-label={t("messageFilesAttached")}>
          {message.attachments.map((a) => (
            <li key={a.id}>
              <a href={attachmentPath(account, a.id)} download={a.name} data-testid="attachment">
                {a.name}
              </a>{" "}
              <span class="hint">{fileSize(a.size, locale)}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
