// Meter-read exceptions (VEE) as the work queue shows and resolves them (pure;
// test/staffVee.test.mjs): the rule that failed in words, the intervals an exception covers, and
// a resolution (accept, edit with the right values, estimate) checked before it is sent
// (src/mdm/exception_queue.h says what each does), and sending someone to read a held register
// read again (src/orders/rereads.h).

import type { FieldErrors } from "./forms.ts";
import { codeLabel } from "./labels.ts";
import type { VeeException, VeeResolution, VeeResolutionBody } from "./workApi.ts";

/** The rules that send a read to the queue (src/mdm/vee_rules.h), in words. */
const RULES: Record<string, string> = {
  gap_too_long: "Gap too long to fill",
  gap_no_history: "Gap with no history to fill it",
  spike_history: "Spike above the meter's history",
  spike_physical_max: "Above what the service can deliver",
  negative_consumption: "Negative consumption",
  zero_consumption: "No consumption on an active service",
  consumption_on_inactive_service: "Consumption with no active service",
  duplicate_disagrees: "Read twice with different values",
  register_rollover: "Register rolled over",
  register_reversal: "Register went backwards",
  interval_register_mismatch: "Intervals do not add up to the register",
  gap_interpolated: "Short gap filled",
  gap_from_history: "Gap filled from history",
};

/** "spike_history" -> "Spike above the meter's history"; a rule the console does not know, in words. */
export function veeRuleLabel(rule: string): string {
  return RULES[rule] ?? codeLabel(rule);
}

/** An exception about a register read (a reading to correct), not interval slots. */
export function isRegisterException(e: Pick<VeeException, "register_read_id" | "first_slot">): boolean {
  return e.register_read_id !== undefined || e.first_slot === undefined;
}

/** The slots an interval exception covers, first to last (none for a register one). */
export function slotsOf(e: Pick<VeeException, "register_read_id" | "first_slot" | "last_slot">): number[] {
  if (isRegisterException(e) || e.first_slot === undefined) return [];
  const last = e.last_slot ?? e.first_slot;
  const slots: number[] = [];
  for (let s = e.first_slot; s <= last; s++) slots.push(s);
  return slots;
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** The time the slots cover on their UTC day: "04:45–05:00 UTC"; null for a register exception. */
export function slotTimes(e: Pick<VeeException, "register_read_id" | "first_slot" | "last_slot" | "interval_minutes">): string | null {
  const slots = slotsOf(e);
  const width = e.interval_minutes ?? 0;
  if (slots.length === 0 || width <= 0) return null;
  return `${hhmm(slots[0] * width)}–${hhmm((slots[slots.length - 1] + 1) * width)} UTC`;
}

export interface VeeDraft {
  how: VeeResolution | "";
  note: string;
  /** Edit: the value for each interval covered (the same for each), or the right register reading. */
  value: string;
}

export const EMPTY_VEE_DRAFT: VeeDraft = { how: "", note: "", value: "" };

/** The form's fields in its order (the server's `values[i].value` and `reading` are `value` here). */
export const VEE_FIELDS = ["how", "value", "note"] as const;

/** A quantity as the meter data API takes it: a decimal, at most 3 places ("0.420", "4400.5"; a channel that exports may go below zero). */
const QUANTITY = /^-?\d{1,12}(\.\d{1,3})?$/;

/** What is wrong with a resolution before it is sent, by field. */
export function checkVeeDraft(draft: VeeDraft, e: VeeException): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.how) errors.how = "Choose what to do with the reads.";
  else if (draft.how === "estimate" && isRegisterException(e)) errors.how = "A register read cannot be estimated: accept it or correct it.";
  if (draft.how === "edit") {
    const value = draft.value.trim();
    if (!value) errors.value = isRegisterException(e) ? "Type the right reading." : "Type the right value.";
    else if (!QUANTITY.test(value)) errors.value = `Type a number of ${e.unit || "units"}, like 0.420 (at most 3 decimal places).`;
  }
  if (!draft.note.trim()) errors.note = "Write a note: why the reads are resolved this way.";
  return errors;
}

/** The request for a draft checkVeeDraft passed: an interval edit gives every slot covered the value. */
export function veeRequest(draft: VeeDraft, e: VeeException): VeeResolutionBody {
  const body: VeeResolutionBody = { note: draft.note.trim() };
  if (draft.how !== "edit") return body;
  const value = draft.value.trim();
  if (isRegisterException(e)) body.reading = value;
  else body.values = slotsOf(e).map((slot) => ({ slot, value }));
  return body;
}

const RESOLVED: Record<string, string> = { accepted: "accepted as read", edited: "corrected", estimated: "estimated" };

/** What became of the exception: "Exception 12 (meter E000000015) accepted as read." */
export function veeResolvedWords(e: Pick<VeeException, "id" | "meter" | "status">): string {
  return `Exception ${e.id} (meter ${e.meter}) ${RESOLVED[e.status] ?? codeLabel(e.status).toLowerCase()}.`;
}

/** The longest note a re-read order takes (the server's limit). */
export const REREAD_NOTE_MAX = 500;

/**
 * Whether someone may be sent to read the exception's held read again: a register read is held,
 * and no re-read was asked for yet (the server answers the same order if one was).
 */
export function mayAskReread(e: Pick<VeeException, "register_read_id" | "first_slot" | "reread_order">): boolean {
  return e.register_read_id !== undefined && !e.reread_order;
}

/** What is wrong with a re-read's note before it is sent (it may be left out). */
export function checkRereadNote(note: string): string | undefined {
  const n = [...note.trim()].length;
  return n > REREAD_NOTE_MAX ? `Keep the note to ${REREAD_NOTE_MAX} characters (it has ${n}).` : undefined;
}

/** "Re-read ordered: SO000123". */
export function rereadWords(order: string): string {
  return `Re-read ordered: ${order}`;
}

/** Words for the customer's photo of the dial of the exception's meter (an image's alternative text). */
export function dialPhotoWords(e: Pick<VeeException, "meter">): string {
  return `The customer's photo of the dial of meter ${e.meter}`;
}
