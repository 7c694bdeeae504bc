// Wires down: the safety message and the emergency number, shown before anything else of the
// report and announced as it appears.
import { useEffect, useRef } from "preact/hooks";
import { useI18n } from "../../i18n/context";

export function SafetyNotice({ takeFocus }: { takeFocus: boolean }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!takeFocus) return;
    box.current?.focus();
    box.current?.scrollIntoView({ block: "nearest" });
  }, []);
  return (
    <div class="callout warn safety" role="alert" tabIndex={-1} ref={box} data-testid="wires-down-safety">
      <p class="strong">{t("outageSafetyTitle")}</p>
      <p>{t("outageSafetyStay")}</p>
      <p><a class="button danger call-911" href="tel:911">{t("outageSafetyCall")}</a></p>
      <p>{t("outageSafetyThen")}</p>
    </div>
  );
}
