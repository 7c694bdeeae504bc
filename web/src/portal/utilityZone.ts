// The utility's time zone, for the times the portal shows on its clocks (localTime.ts). GET
// /api/v1/utility names it (`time_zone`, utility.ts, asked once per page load, signed in or
// not); usage answers name it too (Home's and the Usage page's). The last one named is kept on
// this device, so a page drawn before the utility's answer arrives has it
// (components/useUtilityZone.ts).
import { store, stored } from "./storage.ts";

export const ZONE_KEY = "ratepayer.zone";

/** An IANA zone name as the server writes it ("America/Los_Angeles"), or null. */
export function asZone(value: string | null | undefined): string | null {
  const zone = value?.trim() ?? "";
  return /^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/.test(zone) ? zone : null;
}

/** The zone an answer named on this device, or null. */
export function knownZone(): string | null {
  return asZone(stored(ZONE_KEY));
}

/** Keeps the zone an answer named. */
export function rememberZone(zone: string | null | undefined): void {
  const z = asZone(zone);
  if (z && z !== knownZone()) store(ZONE_KEY, z);
}
