// The utility's zone for the dispatcher's board and the field page, whose users may not read the
// settings (billing.read): asked of the public GET /api/v1/utility. `ready` once the answer is in
// (or could not be had: the browser's clocks then, named), so a day's range is asked for once.
// `kept` (the field page): the zone is kept on the phone and used when it cannot be asked for (no
// connection), so the day's list is asked for, and its copy found, as it was online.
import { useEffect, useState } from "preact/hooks";
import { askUtilityZone, learnUtilityZone, utilityZone } from "./utilityZone";
import { fetchUtilityTimeZone } from "./ordersApi";
import { useUtilityZone } from "./useUtilityZone";

export interface KeptZone {
  read: () => string | null;
  keep: (zone: string) => void;
}

export function useOrdersZone(kept: KeptZone | null = null): { zone: string | null; ready: boolean } {
  const zone = useUtilityZone(false);
  const [ready, setReady] = useState(() => utilityZone() !== null);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void askUtilityZone(() => fetchUtilityTimeZone()).then((asked) => {
      if (!asked && kept) learnUtilityZone(kept.read());
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [ready, kept]);
  useEffect(() => {
    if (zone && kept) kept.keep(zone);
  }, [zone, kept]);
  return { zone, ready: ready || zone !== null };
}
