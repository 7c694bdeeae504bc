// Applying one check in suspense: the account number (looked up first, so the user sees whose
// account it is: a mistyped number is refused by its check digit or caught by a person), then
// Apply. 404 no such account; 409 applied meanwhile (the server names the payment).
import { useEffect, useRef, useState } from "preact/hooks";
import { asApiError, getAccount } from "./api";
import type { AccountDetail, ApiError } from "./api";
import { applyLockboxItem } from "./workApi";
import type { LockboxItem } from "./workApi";
import { formatMoney } from "../shared/money";
import { accountNumberProblem, cleanAccountNumber } from "./accountNumber";
import { Field, focusField } from "./Field";
import { useActionForm } from "./useActionForm";
import { ActionProblem } from "./ActionParts";
import { consoleProblem } from "./problems";
import { FoundAccount } from "./FoundAccount";

export const lockboxApplyButtonId = (id: number) => `lockbox-${id}-apply`;
export const lockboxPanelId = (id: number) => `lockbox-${id}`;

export function LockboxApplyForm({ item, onSessionEnded, onApplied, onClose }: {
  item: LockboxItem;
  onSessionEnded: (e: ApiError) => void;
  onApplied: (item: LockboxItem) => void;
  onClose: () => void;
}) {
  const fieldId = `lockbox-${item.id}-account`;
  const [number, setNumber] = useState("");
  const [found, setFound] = useState<AccountDetail | null>(null);
  const [looking, setLooking] = useState(false);
  const [lookError, setLookError] = useState<string | undefined>(undefined);
  const form = useActionForm({ fields: ["account_number"], serverFields: { account_number: "account_number" }, fieldId: () => fieldId, onSessionEnded });
  const confirmText = useRef<HTMLParagraphElement>(null);
  useEffect(() => focusField(fieldId), []);
  useEffect(() => {
    if (found) confirmText.current?.focus();
  }, [found]);

  const lookUp = async (e: Event) => {
    e.preventDefault();
    if (looking) return;
    const problem = accountNumberProblem(number);
    setLookError(problem);
    if (problem) {
      focusField(fieldId);
      return;
    }
    setLooking(true);
    try {
      setFound(await getAccount(cleanAccountNumber(number)));
    } catch (err) {
      const refused = asApiError(err);
      if (consoleProblem(refused) === "sign-in") onSessionEnded(refused);
      else {
        setLookError(refused.detail);
        focusField(fieldId);
      }
    } finally {
      setLooking(false);
    }
  };

  const apply = () => {
    if (!found) return;
    void form.submit({}, () => applyLockboxItem(item.id, found.account_number), onApplied);
  };

  const back = () => {
    if (form.busy) return;
    setFound(null);
    requestAnimationFrame(() => focusField(fieldId));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape" && !form.busy) {
      e.preventDefault();
      onClose();
    }
  };

  return (
    <div id={lockboxPanelId(item.id)} class="lockbox-apply" role="region" aria-label={`Apply the ${formatMoney(item.amount)} check, item ${item.id}`}
      onKeyDown={onKeyDown} data-testid="lockbox-apply">
      {!found ? (
        <form onSubmit={lookUp} aria-label={`Apply item ${item.id} to an account`} noValidate>
          <Field id={fieldId} label="Account number" inputMode="numeric" autocomplete="off" value={number}
            onValue={(v) => { setNumber(v); setLookError(undefined); }} error={lookError ?? form.errors.account_number} />
          <div class="form-actions">
            <button type="submit" class="small" aria-disabled={looking ? "true" : undefined}>{looking ? "Finding…" : "Find the account"}</button>
            <button type="button" class="secondary small" onClick={onClose}>Cancel</button>
          </div>
        </form>
      ) : (
        <div class="confirm-step" role="group" aria-labelledby={`${fieldId}-confirm`}>
          <p id={`${fieldId}-confirm`} tabIndex={-1} ref={confirmText}>
            <strong>Apply the {formatMoney(item.amount)} check to this account?</strong>
          </p>
          <FoundAccount account={found} />
          <ActionProblem what={`Could not apply item ${item.id}.`} problem={form.problem} />
          <div class="form-actions">
            <button type="button" class="small" aria-disabled={form.busy ? "true" : undefined} onClick={apply}>
              {form.busy ? "Applying…" : `Apply to account ${found.account_number}`}
            </button>
            <button type="button" class="secondary small" onClick={back}>Another account</button>
          </div>
        </div>
      )}
    </div>
  );
}
