// The utility's zone for the dispatcher's board and the field page, whose users may not read the
// settings (billing.read): asked of the public GET /api/v1/utility. `ready` once the answer is in
// (or could not be had: the browser's clocks then, named), so a day's range is asked for once.
import { useEffect, useState } from "preact/hooks";
import { askUtilityZone, utilityZone } from "./utilityZone";
import { fetchUtilityTimeZone } from "./ordersApi";
import { useUtilityZone } from "./useUtilityZone";

export function useOrdersZone(): { zone: string | null; ready: boolean } {
  const zone = useUtilityZone(false);
  const [ready, setReady] = useState(() => utilityZone() !== null);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void askUtilityZone(() => fetchUtilityTimeZone()).then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [ready]);
  return { zone, ready: ready || zone !== null };
}
