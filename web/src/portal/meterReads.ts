// A customer's reading of a meter read by hand (pure; test/meterReads.test.mjs): which meters
// take one, what a reading must look like before it is sent, and what the answer means in the
// customer's words. The server checks the reading against the meter's history and either uses it
// (accepted) or holds it for a person to check (held); either way the customer has nothing more to do.
// An optional photo of the dial goes after the reading is answered: what became of it, in words.
import type { Language, MessageKey, Translate } from "./i18n/translate.ts";
import type { MeterReadAnswer, ServiceAgreement } from "./types.ts";

export const METER_READING_PATH = "/meter-reading";

/** A meter the customer may send a reading of. */
export interface HandReadMeter {
  serial: string;
  commodity: string;
  /** Its unit ("kWh", "gal"): its first channel's name. */
  unit: string;
}

/**
 * The meters of the account's services that are read by hand (`manual`), which nobody reads
 * automatically; meters that send their readings (ami) or are read by a drive-by (amr) need none.
 */
export function handReadMeters(agreements: readonly ServiceAgreement[] | undefined): HandReadMeter[] {
  const meters: HandReadMeter[] = [];
  for (const a of agreements ?? []) {
    if (a.end_date !== null) continue;
    for (const m of a.meters) {
      if (m.kind === "manual") meters.push({ serial: m.serial, commodity: a.commodity, unit: m.channels[0] ?? "" });
    }
  }
  return meters;
}

/** The field ids of the form, in order. */
export const READ_FIELD_IDS = ["read-meter", "read-value"] as const;

/** The server's field names -> the form's field ids. */
export const READ_SERVER_FIELDS: Readonly<Record<string, string>> = {
  meter: "read-meter",
  reading: "read-value",
  read_at: "read-value",
};

/** A reading as sent: "18,342.5 " -> "18342.5"; null when it is not a number of at most 3 decimals. */
export function readingForServer(value: string): string | null {
  const v = value.replace(/[\s,]/g, "");
  return /^\d{1,12}(\.\d{1,3})?$/.test(v) ? v : null;
}

/** What is wrong with a reading before it is sent. */
export function checkReading(value: string): MessageKey | null {
  if (!value.trim()) return "errorReadingRequired";
  return readingForServer(value) === null ? "errorReading" : null;
}

/**
 * The server's sentence with its figures as the portal writes them: a reading as stored
 * ("37855.000") as on the dial ("37,855"), a day ("2026-11-23") in words ("Nov 23, 2026").
 */
export function tidyFigures(message: string, decimal: (value: string) => string, date: (isoDate: string) => string): string {
  return message
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, (day) => date(day))
    .replace(/\b\d+\.\d+\b/g, (figure) => decimal(figure));
}

/**
 * What the answer means, for the customer: the server's own sentence to an English reader (it says
 * why a held reading waits: lower than the last one, or far above the usual use), its figures
 * tidied; a sentence of the portal's own by status in Spanish (the server writes English only). A
 * reading is shown as on the dial, without trailing zeros (`decimal`: "50180.000" -> "50,180").
 */
export function readAnswerWords(
  answer: MeterReadAnswer,
  language: Language,
  t: Translate,
  decimal: (value: string) => string,
  date: (isoDate: string) => string,
): string {
  if (language === "en" && answer.message.trim()) return tidyFigures(answer.message.trim(), decimal, date);
  const vars = { reading: `${decimal(answer.reading)} ${answer.unit}`.trim(), meter: answer.meter };
  return t(answer.status === "held" ? "meterReadHeld" : "meterReadAccepted", vars);
}

/** What became of the photo of the dial sent after the reading. */
export type ReadPhotoState =
  | { state: "none" }
  | { state: "sending" }
  | { state: "sent" }
  | { state: "failed"; reason: MessageKey; again: boolean };

/**
 * Why the photo was not kept, from the server's answer (status 0: no answer), and whether sending
 * it again may work: no connection or a busy server may; another photo kept for the reading, or an
 * image refused, will not.
 */
export function readPhotoFailure(e: { status: number; code?: string }): { reason: MessageKey; again: boolean } {
  if (e.code === "read-has-photo") return { reason: "meterPhotoHasOne", again: false };
  if (e.status === 413 || e.code === "attachment-too-large") return { reason: "meterPhotoTooLarge", again: false };
  if (e.status === 422) return { reason: "meterPhotoRefused", again: false };
  if (e.status === 0 || e.status === 408 || e.status === 429 || e.status >= 500) return { reason: "meterPhotoConnection", again: true };
  return { reason: "meterPhotoRefused", again: false };
}

/** Why a photo chosen could not be made ready to send (shared/shrinkPhoto.ts ShrinkProblem), in words. */
export function shrinkProblemKey(problem: string): MessageKey {
  if (problem === "not-a-photo") return "meterPhotoNotPhoto";
  if (problem === "too-large") return "meterPhotoTooLarge";
  return "meterPhotoUnreadable";
}
