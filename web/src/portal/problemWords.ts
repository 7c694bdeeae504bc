// How the portal words what the server refused, in the customer's language. A problem's
// `detail` is the server's English sentence; the portal words a problem itself by its `code`
// (the particular refusal: "password-too-common") or else its `type` ("sign-in-locked"). Only
// when it knows neither does it show the server's detail, and only to an English reader: a
// Spanish reader gets a sentence of the portal's own for that kind of answer.
import type { MessageKey } from "./i18n/en.ts";
import type { Language, Translate } from "./i18n/translate.ts";

/** The server's problem codes (docs/openapi.yaml, Problem.code) the portal words itself. */
export const PROBLEM_CODES: Readonly<Record<string, MessageKey>> = {
  "email-invalid": "problemEmailInvalid",
  "account-number-invalid": "problemAccountNumberInvalid",
  "account-number-mistyped": "problemAccountNumberMistyped",
  "zip-invalid": "problemZipInvalid",
  "street-required": "problemStreetRequired",
  "address-not-at-account": "problemAddressNotAtAccount",
  "address-not-found": "problemAddressNotFound",
  "link-expired": "problemLinkExpired",
  "password-too-short": "problemPasswordTooShort",
  "password-too-long": "problemPasswordTooLong",
  "password-one-character": "problemPasswordOneCharacter",
  "password-too-common": "problemPasswordTooCommon",
  "password-has-email": "problemPasswordHasEmail",
  "password-wrong": "problemPasswordWrong",
  "mfa-already-on": "problemMfaAlreadyOn",
  "mfa-not-started": "problemMfaNotStarted",
  "mfa-code-wrong": "problemMfaCodeWrong",
  "phone-invalid": "problemPhoneInvalid",
  "paperless-needs-email": "problemPaperlessNeedsEmail",
  "budget-already-on": "problemBudgetAlreadyOn",
  "budget-not-on": "problemBudgetNotOn",
  "budget-needs-history": "problemBudgetNeedsHistory",
  "amount-invalid": "problemAmountInvalid",
  "amount-out-of-range": "problemAmountOutOfRange",
  "card-payments-unavailable": "problemCardPaymentsUnavailable",
  "password-attempts-locked": "problemPasswordAttemptsLocked",
  "too-many-requests": "problemTooManyRequests",
  "bill-amount-invalid": "problemBillAmountInvalid",
  "claim-code-wrong": "problemClaimCodeWrong",
  "claim-code-expired": "problemClaimCodeExpired",
  "payment-method-not-found": "problemPaymentMethodNotFound",
  "payment-methods-full": "problemPaymentMethodsFull",
  "card-number-length": "problemCardNumberLength",
  "card-number-mistyped": "problemCardNumberMistyped",
  "card-expired": "problemCardExpired",
  "card-cvc-invalid": "problemCvcInvalid",
  "holder-name-too-long": "problemHolderNameTooLong",
  "schedule-date-out-of-range": "problemScheduleDate",
  "scheduled-payment-done": "problemScheduledPaymentDone",
  "scheduled-payment-not-found": "problemScheduledPaymentNotFound",
  "autopay-not-on": "problemAutopayNotOn",
  // Notices by email (Settings, the unsubscribe page): a kind that cannot be turned off.
  "notice-required": "problemNoticeRequired",
  "paperless-needs-bill-email": "problemPaperlessNeedsBillEmail",
  // Notices by text (Settings, Text messages and the notices' Text column).
  "text-consent-needed": "problemTextConsentNeeded",
  "consent-wording-changed": "problemConsentWordingChanged",
  // A possible leak closed twice (Home, Fixed / checked it).
  "leak-closed": "problemLeakClosed",
  // Messages (a file attached, a conversation closed).
  "attachment-too-large": "problemAttachmentTooLarge",
  "attachment-type": "problemAttachmentType",
  "thread-closed": "problemThreadClosed",
  // Service requests (a cancel that came too late).
  "order-move-not-allowed": "problemOrderMoveNotAllowed",
  "order-not-due": "problemOrderNotDue",
  // Starting service at an address still in another customer's name on the start day.
  "premise-served": "problemPremiseServed",
  // A dispatcher's refusals (a crew full that day, or not working): the console's, worded all the same.
  "crew-full": "problemCrewFull",
  "crew-not-working": "problemCrewNotWorking",
  // An outage moved by the outage coordinators (the console's; the portal never moves one).
  "outage-move-not-allowed": "problemOutageMoveNotAllowed",
  // An outage reported by the phone number on the account (the Outages page, signed out).
  "outage-phone-not-matched": "problemOutagePhoneNotMatched",
  "outage-phone-several-homes": "problemOutagePhoneSeveralHomes",
  // Following an address for outage alerts (the Outages page, signed in).
  "outage-follow-limit": "followFull",
  "outage-follow-not-served": "followNoElectricity",
  // Photos (a technician's with an order, a customer's of the dial with a reading).
  "photo-type": "problemPhotoType",
  "too-many-photos": "problemTooManyPhotos",
  "read-has-photo": "problemReadHasPhoto",
  // A held reading sent to be read again (the console's exception queue).
  "exception-resolved": "problemExceptionResolved",
  "nobody-in-service": "problemNobodyInService",
  // Staff acting for a customer (the portal never sends these, but words them all the same).
  "consent-required": "problemConsentRequired",
  "bill-overtaken": "problemBillOvertaken",
  // Why a payment plan is not offered (also an offer's reason_code).
  "account-closed": "problemAccountClosed",
  "arrangement-in-force": "problemArrangementInForce",
  "arrangement-broken": "problemArrangementBroken",
  "nothing-past-due": "problemNothingPastDue",
  "past-due-too-small": "problemPastDueTooSmall",
};

/** Problem types (the last segment of `type`) the portal words itself when there is no code. */
const PROBLEM_TYPES: Readonly<Record<string, MessageKey>> = {
  "sign-in-failed": "problemSignInFailed",
  // Asked again for the code after one was sent: the code was wrong (the sign-in page asks for
  // the first code in its own words).
  "mfa-required": "problemSignInCodeWrong",
  "link-expired": "problemLinkExpired",
  "csrf-token-missing": "problemRequestNotConfirmed",
  "unavailable": "problemUnavailable",
  // Too busy: nothing was done (the portal already sent it again a few times; retry.ts).
  "overloaded": "problemOverloaded",
  "payments-unavailable": "problemUnavailable",
  // Outage status before the server's first snapshot (a few seconds after it starts).
  "outage-status-unavailable": "problemOutageStatusUnavailable",
  "bank-payments-unavailable": "problemUnavailable",
  // A card or bank payment refused (declined, insufficient funds): the detail is the processor's
  // own text ("the card was declined"); the customer reads the portal's sentence in either language.
  "payment-failed": "problemPaymentFailed",
};

/** What the portal needs of a failed request (problem.ts ApiError has it all). */
export interface ProblemLike {
  status: number; // 0: no answer (network)
  kind: string; // the type's last segment
  code?: string;
  detail: string;
  retryAfter?: number; // seconds
}

/** How long to wait, from a 429's Retry-After (seconds): "12 minutes", "3 hours". */
export function waitWords(seconds: number | undefined, t: Translate): string {
  const minutes = Math.max(1, Math.ceil((seconds ?? 3600) / 60));
  if (minutes <= 90) return minutes === 1 ? t("waitOneMinute") : t("waitMinutes", { count: minutes });
  const hours = Math.ceil(minutes / 60);
  return t("waitHours", { count: hours });
}

/** The sentence the customer reads about a failed request, in `language`. */
export function problemWords(problem: ProblemLike, language: Language, t: Translate): string {
  if (problem.status === 0) return t("errorNetwork");
  // Limits that pass: said with how long they last (a day for one account's sign-ups, an hour
  // for most, minutes for wrong passwords).
  if (problem.code === "too-many-requests" || (!problem.code && problem.kind === "too-many-requests")) {
    return t("problemTooManyRequests", { wait: waitWords(problem.retryAfter, t) });
  }
  if (problem.code === "password-attempts-locked") {
    return t("problemPasswordAttemptsLocked", { wait: waitWords(problem.retryAfter, t) });
  }
  const byCode = problem.code ? PROBLEM_CODES[problem.code] : undefined;
  if (byCode) return t(byCode);
  if (problem.kind === "sign-in-locked") {
    const minutes = Math.max(1, Math.ceil((problem.retryAfter ?? 60) / 60));
    return t("problemSignInLocked", { minutes });
  }
  const byType = PROBLEM_TYPES[problem.kind];
  if (byType) return t(byType);
  if (problem.status >= 500) return t("problemServer");
  if (language === "en" && problem.detail) return problem.detail;
  if (problem.status === 402) return t("problemPaymentFailed");
  if (problem.status === 404) return t("problemNotFound");
  if (problem.status === 409) return t("problemConflict");
  return t("problemInvalid");
}

/** Why a payment plan is not offered, in `language`: the reason's code worded by the portal,
 * else the server's reason for an English reader, else a general sentence. */
export function arrangementReasonWords(
  reason: { reason?: string; reason_code?: string },
  language: Language,
  t: Translate,
): string {
  const key = reason.reason_code ? PROBLEM_CODES[reason.reason_code] : undefined;
  if (key) return t(key);
  if (language === "en" && reason.reason) return reason.reason;
  return t("problemConflict");
}
