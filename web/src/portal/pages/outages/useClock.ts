// Times on an outage page, on the utility's clocks (outages.ts clockWords): when power should be
// back, when it came back, when the status was taken.
import { useI18n } from "../../i18n/context";
import { useUtilityZone } from "../../components/useUtilityZone";
import { asOfWords, clockWords } from "../../outages";

function browserZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
  } catch {
    return null;
  }
}

export function useClock(): { clock: (iso: string) => string; asOf: (iso: string) => string | null } {
  const { locale } = useI18n();
  const zone = useUtilityZone();
  const mine = browserZone();
  return {
    clock: (iso) => clockWords(iso, zone, locale, new Date(), mine) ?? iso,
    asOf: (iso) => asOfWords(iso, zone, locale, mine),
  };
}
