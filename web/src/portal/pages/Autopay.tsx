// Paying later without calling: saved payment methods, autopay (enrol, change, cancel) and
// payments scheduled for a later day.
import { useState } from "preact/hooks";
import { Page } from "../components/Page";
import { LoadState } from "../components/Loading";
import { useLoad } from "../components/useLoad";
import { useI18n } from "../i18n/context";
import { useSession } from "../session";
import { fetchAutopay, fetchPaymentMethods, fetchScheduledPayments } from "../accountApi";
import { SavedMethods } from "./autopay/SavedMethods";
import { AutopayForm } from "./autopay/AutopayForm";
import { ScheduledPayments } from "./autopay/ScheduledPayments";

export function AutopayPage() {
  const { t } = useI18n();
  const { account } = useSession();
  const loaded = useLoad(
    (signal) =>
      Promise.all([fetchPaymentMethods(account, signal), fetchAutopay(account, signal), fetchScheduledPayments(account, signal)]),
    [account],
  );
  const [version, setVersion] = useState(0);
  const reload = () => {
    setVersion((v) => v + 1);
    loaded.reload();
  };
  return (
    <Page title={t("autopayTitle")}>
      <LoadState loading={loaded.loading && !loaded.data} error={loaded.error} onRetry={loaded.reload} />
      {loaded.data && (
        <div key={`${account}-${version}`}>
          <AutopayForm autopay={loaded.data[1]} methods={loaded.data[0].payment_methods} onChanged={reload} />
          <ScheduledPayments scheduled={loaded.data[2].scheduled_payments} methods={loaded.data[0].payment_methods} onChanged={reload} />
          <SavedMethods methods={loaded.data[0].payment_methods} onChanged={reload} />
        </div>
      )}
    </Page>
  );
}
