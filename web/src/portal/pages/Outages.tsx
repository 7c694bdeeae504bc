// Power outages (/outages), signed in or not. A signed-in customer sees each home of the account
// with the outage we know of there (asked again every 30 seconds, with when the status was taken)
// and reports in one tap, and may follow other addresses (a parent's house) for outage alerts;
// anyone else finds their address (or uses the phone number on their account), sees what we
// already know there first, and reports. Wires down always puts the safety message first. Under
// it, the map of affected areas with its list.
import { useContext, useEffect, useRef, useState } from "preact/hooks";
import { Page } from "../components/Page";
import { LoadState } from "../components/Loading";
import { useLoad } from "../components/useLoad";
import { useI18n } from "../i18n/context";
import { SessionContext } from "../session";
import { fetchAccountOutages } from "../outagesApi";
import { AddressReport } from "./outages/AddressReport";
import { FollowAddresses } from "./outages/FollowAddresses";
import { HomeStatus } from "./outages/HomeStatus";
import { OutageMapSection } from "./outages/OutageMapView";
import { PhoneReport } from "./outages/PhoneReport";
import { useClock } from "./outages/useClock";
import { useRefresh } from "./outages/useRefresh";
import "./outages/outages.css";

export function Outages() {
  const { t } = useI18n();
  const session = useContext(SessionContext);
  const account = session?.account ?? "";
  return (
    <Page title={t("outagesTitle")}>
      <p class="callout warn safety-line" data-testid="safety-line">{t("outagesSafetyLine")}</p>
      {account ? <AccountHomes account={account} /> : <ReportSignedOut />}
      <OutageMapSection />
    </Page>
  );
}

/** The account's homes, each with its status and a one-tap report; another address, and the
 * addresses followed for alerts, below. */
function AccountHomes({ account }: { account: string }) {
  const { t } = useI18n();
  const { asOf } = useClock();
  const homes = useLoad((signal) => fetchAccountOutages(account, signal), [account]);
  useRefresh(homes.reload);
  const updated = homes.data ? asOf(homes.data.as_of) : null;
  return (
    <>
      <p>{t("outagesIntroSignedIn")}</p>
      <section aria-labelledby="homes-heading" class="outage-homes">
        <h2 id="homes-heading">{t("outageHomesTitle")}</h2>
        {!homes.data && <LoadState loading={homes.loading} error={homes.error} onRetry={homes.reload} />}
        {homes.data && homes.data.premises.length === 0 && <p>{t("outageNoHomes")}</p>}
        {homes.data?.premises.map((home) => (
          <HomeStatus key={home.premise} account={account} home={home} onReported={homes.reload} />
        ))}
        {updated && (
          <p class="hint as-of" data-testid="homes-as-of">{t("outageAsOf", { time: updated })} {t("outagesRefreshHint")}</p>
        )}
      </section>
      <details class="card another-address">
        <summary>{t("outageAnotherAddress")}</summary>
        <AddressReport />
      </details>
      <FollowAddresses account={account} ownHomes={homes.data?.premises.map((h) => h.premise) ?? []} />
    </>
  );
}

/** Anyone: by address, or by the phone number on the account. */
function ReportSignedOut() {
  const { t } = useI18n();
  const [byPhone, setByPhone] = useState(false);
  // Switching ways moves focus to the first field of the other one (not on the first draw).
  const switched = useRef(false);
  useEffect(() => {
    if (switched.current) document.getElementById(byPhone ? "by-phone-phone" : "start-street")?.focus();
  }, [byPhone]);
  const choose = (phone: boolean) => {
    switched.current = true;
    setByPhone(phone);
  };
  return (
    <>
      <p>{t("outagesIntro")}</p>
      <section class="card report-signed-out" aria-labelledby="report-heading">
        <h2 id="report-heading">{byPhone ? t("outagePhoneTitle") : t("outageReportTitle")}</h2>
        {byPhone ? <PhoneReport /> : <AddressReport />}
        <button type="button" class="link-button switch-way" onClick={() => choose(!byPhone)}>
          {byPhone ? t("outageUseAddress") : t("outageUsePhone")}
        </button>
      </section>
    </>
  );
}
