// The utility's zone in a component (utilityZone.ts): what is known now, drawn again when it is
// learned. `ask`: a screen with no answer naming it asks the settings (GET /api/v1/staff/settings).
import { useEffect, useState } from "preact/hooks";
import { askUtilityZone, onUtilityZone, utilityZone } from "./utilityZone";

export function useUtilityZone(ask = false): string | null {
  const [zone, setZone] = useState<string | null>(utilityZone);
  useEffect(() => {
    const stop = onUtilityZone(setZone);
    const now = utilityZone();
    if (now) setZone(now);
    else if (ask) void askUtilityZone();
    return stop;
  }, [ask]);
  return zone;
}
