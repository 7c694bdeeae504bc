// The key to the usage chart's bars when some are drawn differently: hatched for an estimate,
// a dashed outline for a month the reads cover only in part. Hidden from screen readers, as the
// chart is: the table says the same in words.
import { useI18n } from "../../i18n/context";
import type { BarMark } from "../../usage";

export function ChartKey({ marks }: { marks: BarMark[] }) {
  const { t } = useI18n();
  const estimated = marks.includes("estimated");
  const part = marks.includes("part");
  if (!estimated && !part) return null;
  return (
    <ul class="chart-key" aria-hidden="true">
      {marks.includes("plain") && <li><span class="swatch plain" />{t("qualityActual")}</li>}
      {estimated && <li><span class="swatch estimated" />{t("qualityEstimated")}</li>}
      {part && <li><span class="swatch part" />{t("chartPartMonth")}</li>}
    </ul>
  );
}
