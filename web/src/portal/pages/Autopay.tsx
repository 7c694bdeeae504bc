// Paying later without calling: saved payment methods, autopay (enrol, change, cancel) and
// payments scheduled for a later day.
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
  return (
    <Page title={t("autopayTitle")}>
      <LoadState loading={loaded.loading && !loaded.data} error={loaded.error} onRetry={loaded.reload} />
      {/* The sections stay mounted when a change reloads the page's data, so what the change did
          stays in their status regions (they clear their own fields); a new account starts afresh. */}
      {loaded.data && (
        <div key={account}>
          <AutopayForm autopay={loaded.data[1]} methods={loaded.data[0].payment_methods} onChanged={loaded.reload} />
          <ScheduledPayments scheduled={loaded.data[2].scheduled_payments} methods={loaded.data[0].payment_methods} onChanged={loaded.reload} />
          <SavedMethods methods={loaded.data[0].payment_methods} onChanged={loaded.reload} />
        </div>
      )}
    </Page>
  );
}
