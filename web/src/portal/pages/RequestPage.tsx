// One request (/requests/SO000123): what was asked and where it stands, with what that means; the
// visit's window on the utility's clocks; a move-out's last day and where its final bill goes,
// and once done its final bill; the readings taken; the photos a technician kept with it (each a
// thumbnail linking to the photo at full size); what happened, oldest first, with who did it
// as "you" or "we" (never an id); and Cancel while nobody is on the way yet (received or
// scheduled), after a confirm step, with the server's refusal said if it comes too late. A move
// by the utility (an account event) loads the page again as it happens (session.tsx).
import { useEffect, useRef, useState } from "preact/hooks";
import { Page } from "../components/Page";
import { Alert, Status } from "../components/Alert";
import { LoadState } from "../components/Loading";
import { useFormSubmit } from "../components/useFormSubmit";
import { useLoad } from "../components/useLoad";
import { useUtilityZone } from "../components/useUtilityZone";
import { useI18n } from "../i18n/context";
import { Link } from "../navigation";
import { useSession } from "../session";
import { billPath } from "../router";
import { cancelOrder, fetchOrder, orderPhotoPath } from "../ordersApi";
import {
  REQUESTS_PATH, addressLine, byCustomer, explainKey, history, isOpen, kindKey, mayCancel, moveKey,
  photoSubjectKey, photosOf, readsOf, showsWindow, statusKey,
} from "../orders";
import { formatTimeIn, formatWindow } from "../localTime";
import type { ServiceOrder } from "../types";

export function RequestPage({ order: number }: { order: string }) {
  const { t } = useI18n();
  const { account, changes } = useSession();
  const zone = useUtilityZone();
  const loaded = useLoad((signal) => fetchOrder(account, number, signal), [account, number, changes]);
  const cancel = useFormSubmit({}, loaded.reload);
  const statusLine = useRef<HTMLParagraphElement>(null);
  if (loaded.error?.status === 404) {
    return (
      <Page title={t("requestNotFoundTitle")}>
        <p>{t("requestNotFound")}</p>
        <p><Link href={REQUESTS_PATH} class="button">{t("requestBackToAll")}</Link></p>
      </Page>
    );
  }
  const order = loaded.data?.order ?? null;
  const explain = order ? explainKey(order) : null;

  const cancelIt = async () => {
    const done = await cancel.run(async () => {
      const answer = await cancelOrder(account, number);
      loaded.set(answer);
      return answer;
    }, t("requestCancelled"));
    if (!done) loaded.reload(); // refused: show where it stands now
    requestAnimationFrame(() => statusLine.current?.focus());
  };

  return (
    <Page title={order ? t(kindKey(order.kind)) : t("requestTitle")}>
      <p><Link href={REQUESTS_PATH}>{t("requestBackToAll")}</Link></p>
      <LoadState loading={loaded.loading && !order} error={loaded.error} onRetry={loaded.reload} />
      {order && (
        <>
          <p class="request-status-line" tabIndex={-1} ref={statusLine}>
            <span class={`badge order-${order.status}`} data-testid="request-status">{t(statusKey(order.status))}</span>{" "}
            <span class="hint">{t("requestNumber", { number: order.number })}</span>
          </p>
          {explain && <p data-testid="request-explain">{t(explain)}</p>}
          <Status>{cancel.done || null}</Status>
          <Alert>{cancel.failure || null}</Alert>
          <OrderFacts order={order} zone={zone} />
          {order.kind === "stop_service" && order.status === "completed" && (
            <FinalBill order={order} />
          )}
          <ReadsTaken order={order} zone={zone} />
          <Photos order={order} account={account} zone={zone} />
          {mayCancel(order) && <CancelRequest busy={cancel.busy} onCancel={() => void cancelIt()} />}
          <History order={order} zone={zone} />
        </>
      )}
    </Page>
  );
}

/** When it was asked, the visit's window, a move-out's last day and bill address, the customer's words. */
function OrderFacts({ order, zone }: { order: ServiceOrder; zone: string | null }) {
  const { t, date, locale } = useI18n();
  const window = showsWindow(order) ? formatWindow(order.window_start ?? "", order.window_end ?? "", zone, locale) : null;
  const yours = byCustomer({ actor: order.requested_by });
  return (
    <dl class="facts request-facts">
      <div><dt>{t("requestAskedOn")}</dt><dd>{formatTimeIn(order.requested_at, zone, locale)}</dd></div>
      {(window || (order.needs_visit && isOpen(order))) && (
        <div>
          <dt>{t("requestVisitLabel")}</dt>
          <dd data-testid="request-window">{window ?? t("requestNoVisitYet")}</dd>
        </div>
      )}
      {order.service_date && (
        <div>
          <dt>{t(order.kind === "start_service" ? "requestFirstDayLabel" : "requestLastDayLabel")}</dt>
          <dd data-testid="request-last-day">{date(order.service_date)}</dd>
        </div>
      )}
      {order.forwarding_address && (
        <div><dt>{t("requestBillTo")}</dt><dd>{addressLine(order.forwarding_address)}</dd></div>
      )}
      {yours && order.details && (
        <div class="words"><dt>{t("requestYourWords")}</dt><dd class="request-words">{order.details}</dd></div>
      )}
      {order.status === "failed" && order.failure_reason && (
        <div><dt>{t("requestWhyNot")}</dt><dd>{order.failure_reason}</dd></div>
      )}
    </dl>
  );
}

/** A completed move-out's final bill: a link once it is released (a held bill is being checked). */
function FinalBill({ order }: { order: ServiceOrder }) {
  const { t } = useI18n();
  const number = order.final_bill_number;
  const held = order.results?.done?.final_bill_status === "held";
  return (
    <section class="card final-bill" aria-labelledby="final-bill-heading">
      <h2 id="final-bill-heading">{t("requestFinalBillTitle")}</h2>
      {number !== null ? (
        <p><Link href={billPath(number)} data-testid="final-bill-link">{t("requestFinalBillLink", { number })}</Link></p>
      ) : (
        <>
          <p>{t(held ? "requestFinalBillHeld" : "requestFinalBillComing")}</p>
          <p><Link href="/bills">{t("requestFinalBillSeeBills")}</Link></p>
        </>
      )}
    </section>
  );
}

function ReadsTaken({ order, zone }: { order: ServiceOrder; zone: string | null }) {
  const { t, decimal, locale } = useI18n();
  const reads = readsOf(order);
  if (reads.length === 0) return null;
  return (
    <section aria-labelledby="reads-heading">
      <h2 id="reads-heading">{t("requestReadsTitle")}</h2>
      <ul class="list">
        {reads.map((r, i) => (
          <li key={i} class="list-item" data-testid="request-read">
            <span class="strong">
              {t("requestReadLine", { meter: r.meter, reading: `${decimal(r.reading)} ${r.unit}`.trim() })}
            </span>
            <p class="hint">{t("requestReadAt", { time: formatTimeIn(r.read_at, zone, locale) })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The technician's photos: a thumbnail each (lazy, its box sized before it loads), its alt saying
 * what it is of and when it was taken on the utility's clocks, a link to the full photo (the
 * server sends it as a download). Only the session's account is named in the address.
 */
function Photos({ order, account, zone }: { order: ServiceOrder; account: string; zone: string | null }) {
  const { t, locale } = useI18n();
  const photos = photosOf(order);
  if (photos.length === 0) return null;
  return (
    <section aria-labelledby="photos-heading">
      <h2 id="photos-heading">{t("requestPhotosTitle")}</h2>
      <p class="hint">{t("requestPhotosIntro")}</p>
      <ul class="request-photos">
        {photos.map((p) => {
          const subject = t(photoSubjectKey(p.purpose));
          const time = formatTimeIn(p.taken_at, zone, locale);
          const src = orderPhotoPath(account, p.id);
          return (
            <li key={p.id} data-testid="request-photo" data-purpose={p.purpose}>
              <a href={src} class="request-photo-link">
                <img src={src} alt={t("requestPhotoAlt", { subject, time })} width={160} height={160} loading="lazy" decoding="async" />
              </a>
              <p class="hint request-photo-words" aria-hidden="true">
                <span class="strong">{subject}</span> {time}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Cancel, after a confirm step that takes focus; "keep" gives focus back to the button. */
function CancelRequest({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) heading.current?.focus();
  }, [confirming]);
  const keep = () => {
    setConfirming(false);
    setTimeout(() => button.current?.focus());
  };
  if (!confirming) {
    return (
      <p>
        <button type="button" class="button danger" ref={button} onClick={() => setConfirming(true)}>
          {t("requestCancel")}
        </button>
      </p>
    );
  }
  return (
    <div class="callout warn confirm" role="group" aria-labelledby="cancel-request-heading">
      <h3 id="cancel-request-heading" tabIndex={-1} ref={heading}>{t("requestCancelTitle")}</h3>
      <p>{t("requestCancelExplain")}</p>
      <div class="button-row">
        <button type="button" class="button danger" onClick={onCancel} aria-disabled={busy}>
          {t("requestCancelConfirm")}
        </button>
        <button type="button" class="button" onClick={keep}>{t("requestCancelKeep")}</button>
      </div>
    </div>
  );
}

/** What happened, oldest first: when (on the utility's clocks) and what, in a sentence. */
function History({ order, zone }: { order: ServiceOrder; zone: string | null }) {
  const { t, locale } = useI18n();
  const moves = history(order);
  if (moves.length === 0) return null;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t("requestHistory")}</h2>
      <ol class="request-history">
        {moves.map((m, i) => (
          <li key={i} data-testid="request-move" data-action={m.action}>
            <span class="hint request-move-time">{formatTimeIn(m.at, zone, locale)}</span>
            <span class="request-move-words">{t(moveKey(m), { status: t(statusKey(m.to)) })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
