// Notices in the customer's words (pure; test/notices.test.mjs): each kind's name, why a kind
// cannot be turned off, what a save sends, where a refusal belongs, and how a notice sent went.
// A kind the catalog adds later is one row in NOTICE_KINDS (and its words in the dictionaries);
// until then it shows by its code, never as an error.
import type { MessageKey, Translate } from "./i18n/translate.ts";
import type { NoticeChoice, NoticeChoiceChange, NoticeChoices } from "./types.ts";

const NOTICE_KINDS: Readonly<Record<string, MessageKey>> = {
  "bill.ready": "noticeBillReady",
  "bill.due_soon": "noticeBillDueSoon",
  "payment.received": "noticePaymentReceived",
  "payment.failed": "noticePaymentFailed",
  "payment.returned": "noticePaymentReturned",
  "payment.voided": "noticePaymentVoided",
  "autopay.scheduled": "noticeAutopayScheduled",
  "autopay.failed": "noticeAutopayFailed",
  "autopay.paid": "noticeAutopayPaid",
  "arrangement.made": "noticeArrangementMade",
  "arrangement.broken": "noticeArrangementBroken",
  "arrangement.installment_due": "noticeArrangementInstallmentDue",
  "arrangement.at_risk": "noticeArrangementAtRisk",
  "budget.enrolled": "noticeBudgetEnrolled",
  "budget.ended": "noticeBudgetEnded",
  "contact.changed": "noticeContactChanged",
  "usage.high": "noticeUsageHigh",
  "leak.suspected": "noticeLeakSuspected",
  "leak.gas_suspected": "noticeLeakGasSuspected",
  "message.new": "noticeMessageNew",
  "order.received": "noticeOrderReceived",
  "order.scheduled": "noticeOrderScheduled",
  "order.en_route": "noticeOrderEnRoute",
  "order.completed": "noticeOrderCompleted",
  "order.cancelled": "noticeOrderCancelled",
  "order.failed": "noticeOrderFailed",
  "outage.report_received": "noticeOutageReportReceived",
  "outage.detected": "noticeOutageDetected",
  "outage.etr": "noticeOutageEtr",
  "outage.crew_on_site": "noticeOutageCrewOnSite",
  "outage.restored": "noticeOutageRestored",
  "outage.planned": "noticeOutagePlanned",
};

/** "late_fee.charged" -> "late fee charged": a kind the portal has no words for, readable. */
export function kindWords(kind: string): string {
  return kind.replace(/[._-]+/g, " ").trim();
}

/** "payment.received" -> "Payment received (receipt)"; a kind it does not know: "Other notice: …". */
export function noticeKindName(kind: string, t: Translate): string {
  const key = NOTICE_KINDS[kind];
  return key ? t(key) : t("noticeKindOther", { kind: kindWords(kind) });
}

/**
 * Why a kind's email cannot be turned off here, or null when it can: a transactional kind is
 * always sent; a paperless account's bill-ready email is its bill. (Should a paperless account's
 * bill-ready email be off, turning it on is open.)
 */
export function lockedReason(choice: NoticeChoice, paperless: boolean): MessageKey | null {
  if (!choice.may_turn_off) return "noticeAlwaysSent";
  if (choice.kind === "bill.ready" && paperless && choice.email) return "noticePaperlessBillEmail";
  return null;
}

/** What the customer ticked, by kind, over what the server said (kinds not ticked: as they are). */
export type NoticeDraft = Readonly<Record<string, boolean>>;

/** Whether a kind's box is ticked: the draft's value for one that may change, else the server's. */
export function emailShown(choices: NoticeChoices, draft: NoticeDraft, choice: NoticeChoice): boolean {
  if (lockedReason(choice, choices.paperless)) return choice.email;
  return draft[choice.kind] ?? choice.email;
}

/**
 * Whether a kind's Text box may be ticked: the kind has a text message and the customer agreed
 * to texts (Settings, Text messages). A kind's text may always be turned off.
 */
export function textOpen(choices: NoticeChoices, choice: NoticeChoice): boolean {
  return Boolean(choice.text_available) && (Boolean(choices.texts_allowed) || Boolean(choice.text));
}

/** Whether a kind's Text box is ticked: the draft's value for one that may change, else the server's. */
export function textShown(choices: NoticeChoices, textDraft: NoticeDraft, choice: NoticeChoice): boolean {
  if (!textOpen(choices, choice)) return Boolean(choice.text);
  return textDraft[choice.kind] ?? Boolean(choice.text);
}

/**
 * The changes a save sends: only boxes that differ from what the server said, never a locked
 * email (the server would refuse it) nor a text that is not open, in the catalog's order, each
 * kind's email before its text. Empty: nothing to save.
 */
export function noticeChanges(choices: NoticeChoices, draft: NoticeDraft, textDraft: NoticeDraft = {}): NoticeChoiceChange[] {
  const changes: NoticeChoiceChange[] = [];
  for (const choice of choices.kinds) {
    const wanted = draft[choice.kind];
    if (!lockedReason(choice, choices.paperless) && wanted !== undefined && wanted !== choice.email) {
      changes.push({ kind: choice.kind, channel: "email", enabled: wanted });
    }
    const text = textDraft[choice.kind];
    if (textOpen(choices, choice) && text !== undefined && text !== Boolean(choice.text)) {
      changes.push({ kind: choice.kind, channel: "text", enabled: text });
    }
  }
  return changes;
}

/**
 * A mobile number as typed ("(541) 555-0123", "+1 541 555 0123") in E.164 ("+15415550123"), as
 * the consent is asked for; null when it is not a US number.
 */
export function mobileForServer(value: string): string | null {
  const digits = value.replace(/[\s\-.()+]/g, "");
  const m = /^1?([2-9]\d{9})$/.exec(digits);
  return m ? `+1${m[1]}` : null;
}

/** "+15415550123" -> "(541) 555-0123": a US number as people write it; others as they are. */
export function mobileWords(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}

/**
 * The kind a refused save is about, for saying it at that row: the one the refusal's code names
 * (bill.ready for paperless-needs-bill-email), the one quoted in its detail ("'payment.failed'
 * notices ..."), or the only one sent. Null when it cannot tell: the form's alert says it.
 */
export function refusedKind(
  refusal: { code?: string; detail: string },
  changes: readonly NoticeChoiceChange[],
): string | null {
  if (refusal.code === "paperless-needs-bill-email") return "bill.ready";
  const quoted = /'([a-z0-9_.-]+)'/.exec(refusal.detail)?.[1];
  if (quoted && changes.some((c) => c.kind === quoted)) return quoted;
  return changes.length === 1 ? changes[0].kind : null;
}

const STATUSES: Readonly<Record<string, MessageKey>> = {
  sent: "noticeStatusSent",
  waiting: "noticeStatusWaiting",
  retrying: "noticeStatusRetrying",
};

/** How a notice's delivery went, in words; a status the portal does not know, as sent. */
export function noticeStatusName(status: string, t: Translate): string {
  const key = STATUSES[status];
  return key ? t(key) : status;
}

/** A page's `next_before` as the list's cursor (PagedList.tsx): "4711", or null at the end. */
export function nextBeforeCursor(nextBefore: number | null | undefined): string | null {
  return typeof nextBefore === "number" && Number.isFinite(nextBefore) ? String(nextBefore) : null;
}
