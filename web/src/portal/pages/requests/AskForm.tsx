// "Ask for something": a meter read again, a high bill or a leak looked into, or something else,
// with the customer's words (optional for a re-read). Sent once per attempt (an Idempotency-Key,
// kept for a retry whose outcome is unknown: a double tap or a resend makes one request), then
// the new request's page opens; a refusal is said at the field the server names.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { Alert } from "../../components/Alert";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useI18n } from "../../i18n/context";
import type { MessageKey } from "../../i18n/translate";
import { navigate } from "../../navigation";
import { PaymentAttempts, sendAttempt } from "../../idempotency";
import { askForOrder } from "../../ordersApi";
import { ASK_FIELD_IDS, ASK_KINDS, ASK_SERVER_FIELDS, LONGEST_DETAILS, checkAsk, kindKey, orderPath } from "../../orders";
import type { AskDraft, AskKind } from "../../orders";
import type { FieldErrors } from "../../validation";
import { TextArea } from "../messages/TextArea";

const HINTS: Record<AskKind, MessageKey> = {
  meter_reread: "askKindMeterRereadHint",
  investigate: "askKindInvestigateHint",
  other: "askKindOtherHint",
};

export function AskForm({ account, onCancel }: { account: string; onCancel?: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<AskDraft>({ kind: "", details: "" });
  // The same attempts as a payment's: one key per request, the same one for a retry.
  const attempts = useMemo(() => new PaymentAttempts(), []);
  const [retrying, setRetrying] = useState(false);
  const form = useFormSubmit(ASK_SERVER_FIELDS);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // A changed request is a new attempt with a new key.
  const change = (part: Partial<AskDraft>) => {
    attempts.abandon();
    setRetrying(false);
    setDraft({ ...draft, ...part });
  };
  // What Send found missing stops showing once it is put right (the server's refusals stay).
  const [found, setFound] = useState<FieldErrors>({});
  const now = checkAsk(draft);
  const fieldError = (id: string) => (found[id] && !now[id] ? undefined : form.fieldError(id));

  const submit = async (e: Event) => {
    e.preventDefault();
    setFound(now);
    if (!form.check(now, [...ASK_FIELD_IDS])) return;
    const details = draft.details.trim();
    const answer = await form.run(() =>
      sendAttempt(attempts, (key) =>
        askForOrder(account, { kind: draft.kind as AskKind, ...(details ? { details } : {}) }, key),
      ),
    );
    setRetrying(attempts.retrying);
    if (answer) navigate(orderPath(answer.order.number));
    else requestAnimationFrame(() => document.querySelector<HTMLElement>("#ask-form [aria-invalid='true']")?.focus());
  };

  const kindError = fieldError("ask-kind");
  const failure = form.failure && !ASK_FIELD_IDS.some((id) => fieldError(id)) ? form.failure : "";
  return (
    <form id="ask-form" onSubmit={submit} noValidate class="form" aria-labelledby="ask-heading">
      <h2 id="ask-heading" tabIndex={-1} ref={heading}>{t("askTitle")}</h2>
      <fieldset class={kindError ? "choices invalid" : "choices"} aria-describedby={kindError ? "ask-kind-error" : undefined}>
        <legend>{t("askKindLegend")}</legend>
        {ASK_KINDS.map((kind, i) => (
          <label key={kind} class="choice ask-choice">
            <input type="radio" name="ask-kind" id={i === 0 ? "ask-kind" : undefined} value={kind}
              checked={draft.kind === kind} aria-invalid={kindError ? "true" : undefined}
              onChange={() => change({ kind })} />
            <span>
              <span class="choice-title">{t(kindKey(kind))}</span>
              <span class="hint choice-hint">{t(HINTS[kind])}</span>
            </span>
          </label>
        ))}
        {kindError && <p id="ask-kind-error" class="field-error">{kindError}</p>}
      </fieldset>
      <TextArea id="ask-details" rows={5} maxLength={LONGEST_DETAILS} required={draft.kind !== "meter_reread"}
        label={t(draft.kind === "meter_reread" ? "askDetailsOptional" : "askDetailsLabel")} hint={t("askDetailsHint")}
        value={draft.details} onValue={(details) => change({ details })} error={fieldError("ask-details")} />
      <Alert>{failure ? (retrying ? `${failure} ${t("requestRetrySafe")}` : failure) : null}</Alert>
      <div class="button-row">
        <button type="submit" class="button primary" aria-disabled={form.busy}>
          {form.busy ? t("sending") : retrying ? t("requestTryAgain") : t("askSend")}
        </button>
        {onCancel && <button type="button" class="button" onClick={onCancel}>{t("askCancel")}</button>}
      </div>
    </form>
  );
}
