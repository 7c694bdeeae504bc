// The utility's time zone, for the times the portal shows on its clocks (localTime.ts). The API
// names it only in usage answers (GET .../usage `time_zone`): Home's answer and the Usage page's
// tell it here, and it is kept on this device; a page that needs it before then asks a usage
// answer of its own (components/useUtilityZone.ts).
import { store, stored } from "./storage.ts";

export const ZONE_KEY = "ratepayer.zone";

/** An IANA zone name as the server writes it ("America/Los_Angeles"), or null. */
function asZone(value: string | null | undefined): string | null {
  const zone = value?.trim() ?? "";
  return /^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/.test(zone) ? zone : null;
}

/** The zone a usage answer named on this device, or null. */
export function knownZone(): string | null {
  return asZone(stored(ZONE_KEY));
}

/** Keeps the zone a usage answer named. */
export function rememberZone(zone: string | null | undefined): void {
  const z = asZone(zone);
  if (z && z !== knownZone()) store(ZONE_KEY, z);
}
