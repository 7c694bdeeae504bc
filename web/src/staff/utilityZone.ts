// The utility's time zone (its `time_zone` setting): every time the console shows is on the
// utility's clocks, never the browser's (times the API sends only as instants, such as a payment's
// created_at, are shown in it with localTime.ts formatInstantIn). Answers that name the zone (an
// account's History, GET .../history `time_zone`) tell it here; a screen with none of those (the
// work queues, the audit trail) asks the settings once (GET /api/v1/staff/settings, billing.read).
// Until it is known, times are shown in the browser's zone, named. Relative imports end in .ts for
// the unit tests (test/staffUtilityZone.test.mjs).

import { getJson } from "./api.ts";

type Listener = (zone: string) => void;

let known: string | null = null;
let asking: Promise<string | null> | null = null;
const listeners = new Set<Listener>();

/** The utility's zone, once an answer has named it; null before. */
export function utilityZone(): string | null {
  return known;
}

/** An answer named the utility's zone: kept, and every screen showing times is told. */
export function learnUtilityZone(zone: string | null | undefined): void {
  const z = zone?.trim();
  if (!z || z === known) return;
  known = z;
  for (const listener of listeners) listener(z);
}

/** Told each time the zone is learned; returns what stops it. */
export function onUtilityZone(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The `time_zone` setting from GET /api/v1/staff/settings: its value, else what applies when unset. */
export async function fetchSettingsZone(signal?: AbortSignal): Promise<string | null> {
  const { settings } = await getJson<{ settings: { key: string; value: string | null; when_unset?: string | null }[] }>(
    "/api/v1/staff/settings",
    signal,
  );
  const setting = settings.find((s) => s.key === "time_zone");
  return setting ? setting.value ?? setting.when_unset ?? null : null;
}

/**
 * The zone, asked of the server when no answer has named it yet: once at a time (the same promise
 * for every screen asking meanwhile); a failure (no billing.read, no network) is null, and the
 * next screen asks again.
 */
export function askUtilityZone(fetchZone: () => Promise<string | null> = fetchSettingsZone): Promise<string | null> {
  if (known) return Promise.resolve(known);
  asking ??= fetchZone().then(
    (zone) => {
      learnUtilityZone(zone);
      asking = null;
      return known;
    },
    () => {
      asking = null;
      return null;
    },
  );
  return asking;
}

/** Forgets the zone (the unit tests). */
export function forgetUtilityZone(): void {
  known = null;
  asking = null;
}
