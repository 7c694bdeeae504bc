// While the portal waits to send a request again because the server was too busy (retry.ts), a
// notice on every page says so, read out by screen readers; it goes when the request is through.
import { useEffect, useState } from "preact/hooks";
import { useI18n } from "../i18n/context";
import { isBusy, onBusyChange } from "../busy";

export function BusyNotice() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(isBusy());
  useEffect(() => onBusyChange(setBusy), []);
  return (
    <div role="status" aria-live="polite" class="busy-notice-region">
      {busy && <p class="callout warn busy-notice" data-testid="busy-notice">{t("busyRetrying")}</p>}
    </div>
  );
}
