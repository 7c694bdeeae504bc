// The account page's Messages: the account's conversations with the utility, latest first
// (GET /api/v1/accounts/{n}/messages, as the customer lists them), each a link to its thread in
// the Inbox with its status, topic and last message.
import type { ApiError } from "./api";
import { fetchAccountThreads } from "./inboxApi";
import { inboxThreadHash, statusLabel, topicLabel } from "./inbox";
import { formatInstantIn } from "./localTime";
import { useUtilityZone } from "./useUtilityZone";
import { useResource } from "./useResource";
import { Section, WhenLoaded } from "./Section";

export function MessagesSection({ account, onSessionEnded }: { account: string; onSessionEnded: (e: ApiError) => void }) {
  const threads = useResource((signal) => fetchAccountThreads(account, signal), `account-threads-${account}`, onSessionEnded);
  const zone = useUtilityZone(true);
  return (
    <Section id="messages" title="Messages">
      <WhenLoaded what="the messages" resource={threads.resource} onRetry={threads.reload}>
        {(page) => page.threads.length === 0 ? <p class="hint">The customer has not written to the utility.</p> : (
          <>
            <ul class="account-threads">
              {page.threads.map((th) => (
                <li key={th.id} data-testid="account-thread">
                  <a href={inboxThreadHash(th.id)}>{th.subject}</a>
                  <span class="explain">
                    {statusLabel(th.status)} · {topicLabel(th.topic)} · last message {formatInstantIn(th.last_message_at, zone)}
                  </span>
                </li>
              ))}
            </ul>
            {page.next_cursor && <p class="hint">The 20 latest are shown; the Inbox has them all.</p>}
          </>
        )}
      </WhenLoaded>
    </Section>
  );
}
