// The utility's time zone for a page that shows times on its clocks (localTime.ts): the one kept
// on this device (utilityZone.ts), else asked once of a small usage answer (this month's, by
// month), which names it. Null until known: the page shows times in the browser's zone, named.
import { useEffect, useState } from "preact/hooks";
import { fetchUsage } from "../accountApi";
import { knownZone, rememberZone } from "../utilityZone";
import { isoLocalDate } from "../validation";
import { firstOfMonth } from "../usage";

export function useUtilityZone(account: string): string | null {
  const [zone, setZone] = useState<string | null>(knownZone);
  useEffect(() => {
    if (zone || !account) return;
    const ctl = new AbortController();
    const month = firstOfMonth(isoLocalDate(new Date()));
    fetchUsage(account, "month", month, firstOfMonth(month, 1), ctl.signal).then(
      (usage) => {
        rememberZone(usage.time_zone);
        setZone(knownZone());
      },
      () => {}, // the browser's zone, named, meanwhile
    );
    return () => ctl.abort();
  }, [account, zone]);
  return zone;
}
