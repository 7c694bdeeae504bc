// Requests: what the customer asked of the utility (and what it opened for the account), newest
// first: what was asked and where it stands, the visit's window on the utility's clocks, a
// move-out's last day, each a link to its page. "Ask for something" opens a form on the page
// (/requests?ask opens it at once); stopping service (while a service goes on), starting service
// somewhere new and sending a meter reading (for a meter read by hand) have pages of their own.
// A move of any request (an account event) loads the list again (session.tsx).
import { useState } from "preact/hooks";
import { Page } from "../components/Page";
import { LoadState } from "../components/Loading";
import { useLoad } from "../components/useLoad";
import { useUtilityZone } from "../components/useUtilityZone";
import { useI18n } from "../i18n/context";
import { Link } from "../navigation";
import { useSession } from "../session";
import { fetchOrders } from "../ordersApi";
import { STOP_PATH, kindKey, openStop, orderPath, servicesToStop, showsWindow, statusKey } from "../orders";
import { METER_READING_PATH, handReadMeters } from "../meterReads";
import { START_PATH } from "../router";
import { dayIn, formatWindow } from "../localTime";
import type { ServiceOrder } from "../types";
import { AskForm } from "./requests/AskForm";

export function Requests({ ask }: { ask: boolean }) {
  const { t } = useI18n();
  const { account, changes, summary } = useSession();
  const zone = useUtilityZone();
  const [asking, setAsking] = useState(ask);
  const loaded = useLoad((signal) => fetchOrders(account, signal), [account, changes]);
  const orders = loaded.data?.orders ?? [];
  const stop = openStop(orders);
  const readable = handReadMeters(summary?.agreements).length > 0;
  // A move-out is offered while a service goes on (before the summary is in, too).
  const stoppable = !summary || servicesToStop(summary.agreements).length > 0;

  return (
    <Page title={t("requestsTitle")}>
      <p>{t("requestsIntro")}</p>
      {asking ? (
        <section class="card write-card">
          <AskForm account={account} onCancel={() => setAsking(false)} />
        </section>
      ) : (
        <p>
          <button type="button" class="button primary" onClick={() => setAsking(true)}>{t("requestsAsk")}</button>
        </p>
      )}
      <ul class="links request-links">
        {stop ? (
          <li><Link href={orderPath(stop.number)}>{t("requestsStopOpen")}</Link></li>
        ) : (
          stoppable && <li><Link href={STOP_PATH}>{t("requestsStopLink")}</Link></li>
        )}
        <li><Link href={START_PATH}>{t("startLinkRequests")}</Link></li>
        {readable && <li><Link href={METER_READING_PATH}>{t("meterReadingLink")}</Link></li>}
      </ul>
      <h2 id="requests-heading">{t("requestsYours")}</h2>
      <LoadState loading={loaded.loading && !loaded.data} error={loaded.error} onRetry={loaded.reload} />
      {loaded.data && orders.length === 0 && <p data-testid="requests-none">{t("requestsNone")}</p>}
      {orders.length > 0 && (
        <ul class="list requests" aria-labelledby="requests-heading">
          {orders.map((o) => <RequestItem key={o.number} order={o} zone={zone} />)}
        </ul>
      )}
    </Page>
  );
}

function RequestItem({ order, zone }: { order: ServiceOrder; zone: string | null }) {
  const { t, date, locale } = useI18n();
  const window = showsWindow(order) ? formatWindow(order.window_start ?? "", order.window_end ?? "", zone, locale) : null;
  return (
    <li class="list-item request-item" data-testid="request" data-order={order.number}>
      <div class="row">
        <Link class="strong request-kind" href={orderPath(order.number)}>{t(kindKey(order.kind))}</Link>
        <span class={`badge order-${order.status}`} data-testid="request-status">{t(statusKey(order.status))}</span>
      </div>
      <p class="hint">
        {t("requestsListLine", { number: order.number, date: date(dayIn(new Date(order.requested_at), zone)) })}
      </p>
      {window && <p class="request-when" data-testid="request-window">{t("requestVisit", { window })}</p>}
      {order.kind === "stop_service" && order.service_date && (
        <p class="request-when">{t("requestLastDay", { date: date(order.service_date) })}</p>
      )}
    </li>
  );
}
