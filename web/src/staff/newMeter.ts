// The meter a technician puts in when completing a meter exchange or install (pure;
// test/staffNewMeter.test.mjs): what the Complete form asks (serial, how it is read, its unit and,
// for a meter that sends its own readings, how often), checked before the move is kept, and the
// `new_meter` of the complete move (src/api/order_handlers.cc; src/orders/order_results.h
// keep_new_meter: required for those kinds, serial 1-40 characters, kind ami|amr|manual, at least
// one channel). One channel, named after its unit, as the meters the utility lists have.
// Relative imports end in .ts for the unit tests.

import type { NewMeterBody } from "./ordersApi.ts";

export type MeterKind = NewMeterBody["kind"];

/** How a meter is read, in the form's order. */
export const METER_KINDS: readonly { id: MeterKind; words: string }[] = [
  { id: "manual", words: "Read by hand" },
  { id: "amr", words: "Read by a drive-by (AMR)" },
  { id: "ami", words: "Sends its own readings (AMI)" },
];

/** The units the server takes (src/accounts/service_start.cc). */
export const METER_UNITS: readonly string[] = ["kWh", "kW", "gal", "CCF", "therm"];

/** How often a meter that sends its own readings reads, in minutes; the first is offered. */
export const READ_INTERVALS_MIN: readonly number[] = [15, 60, 30, 5];

/** The longest serial the server keeps. */
export const SERIAL_LENGTH_MAX = 40;

export interface NewMeterDraft {
  serial: string;
  kind: MeterKind | "";
  unit: string;
  /** Minutes, as chosen ("15"); only for a meter that sends its own readings. */
  interval: string;
}

export type NewMeterField = "serial" | "kind" | "unit" | "interval";

/** The form's fields in its order. */
export const NEW_METER_FIELDS: readonly NewMeterField[] = ["serial", "kind", "unit", "interval"];

/** Whether completing an order of `kind` puts a meter in (and so needs its details). */
export function putsMeterIn(kind: string): boolean {
  return kind === "meter_exchange" || kind === "meter_install";
}

const COMMODITY_UNITS: Record<string, string> = { electric: "kWh", water: "gal", gas: "therm", sewer: "gal" };

/** The form as it opens: the unit of the meter coming out when there is one, else the service's usual unit. */
export function newMeterDraft(commodity: string | null, outgoingUnit: string | null = null): NewMeterDraft {
  const unit = outgoingUnit && METER_UNITS.includes(outgoingUnit) ? outgoingUnit : COMMODITY_UNITS[commodity ?? ""] ?? "";
  return { serial: "", kind: "", unit, interval: String(READ_INTERVALS_MIN[0]) };
}

/** What is wrong with the new meter's details before the completion is kept, by field. */
export function checkNewMeter(draft: NewMeterDraft): Partial<Record<NewMeterField, string>> {
  const errors: Partial<Record<NewMeterField, string>> = {};
  const serial = draft.serial.trim();
  if (!serial) errors.serial = "Type the new meter's serial, as on its plate.";
  else if ([...serial].length > SERIAL_LENGTH_MAX) errors.serial = `A serial is at most ${SERIAL_LENGTH_MAX} characters.`;
  if (!draft.kind) errors.kind = "Choose how the new meter is read.";
  if (!METER_UNITS.includes(draft.unit)) errors.unit = "Choose the unit the new meter counts in.";
  if (draft.kind === "ami" && !READ_INTERVALS_MIN.includes(Number(draft.interval))) errors.interval = "Choose how often it sends a reading.";
  return errors;
}

/** The complete move's `new_meter` for a draft checkNewMeter passed. */
export function newMeterBody(draft: NewMeterDraft): NewMeterBody {
  if (!draft.kind) throw new Error("newMeterBody needs a checked draft (no kind chosen)");
  const interval = draft.kind === "ami" ? Number(draft.interval) : null;
  return { serial: draft.serial.trim(), kind: draft.kind, channels: [{ name: draft.unit, unit: draft.unit, interval_minutes: interval }] };
}

/** The new meter's field a server refusal names ("new_meter.serial" -> "serial"); null when none. */
export function newMeterField(field: string | null | undefined): NewMeterField | null {
  if (field === "new_meter.serial" || field === "meter.serial") return "serial";
  if (field === "new_meter.kind") return "kind";
  if (field === "new_meter.channels" || field === "new_meter" || field === "meter.channels") return "unit";
  return null;
}
