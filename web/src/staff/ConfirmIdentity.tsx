// "Confirm it is you" before a sensitive action (approving bills or adjustments, changing a
// setting, exporting the audit trail: the server wants a sign-in from the last 5 minutes and
// answers 403 reauthentication-required): the password and a fresh code go to
// POST /api/v1/staff/auth/reauthenticate, then the action is sent again. The form opens with focus
// on the password; Escape or Cancel closes it without doing the action.
import { useEffect, useState } from "preact/hooks";
import { asApiError, reauthenticate } from "./api";
import type { ApiError } from "./api";
import { Field, focusField } from "./Field";
import { checkReauthentication, cleanCode, firstError, hasErrors } from "./forms";
import type { FieldErrors } from "./forms";
import { needsReauthentication, reauthProblem } from "./problems";
import { ActionProblem } from "./ActionParts";

const FIELDS = ["password", "code"] as const;
const id = (f: string) => `work-confirm-${f}`;

/** An action waiting for the user to confirm it is them: what it is, and how to send it again. */
export interface PendingConfirmation {
  /** The action in words, for the button: "approve the bills". */
  what: string;
  again: () => void;
}

/**
 * The action waiting for a confirmation, if any. `intercept(problem, what, again)` opens the form
 * when the problem is the server asking for a recent sign-in (true), else leaves it (false).
 */
export function useIdentityCheck() {
  const [pending, setPending] = useState<PendingConfirmation | null>(null);
  const intercept = (problem: ApiError, what: string, again: () => void): boolean => {
    if (!needsReauthentication(problem)) return false;
    setPending({ what, again });
    return true;
  };
  return { pending, intercept, close: () => setPending(null) };
}

export function ConfirmIdentity({ pending, onClose, onSessionEnded, returnFocus }: {
  pending: PendingConfirmation;
  /** The form is done with (confirmed, and the action sent again; or cancelled). */
  onClose: () => void;
  onSessionEnded: (e: ApiError) => void;
  /** The id of the element focus goes back to when the form is cancelled. */
  returnFocus?: string;
}) {
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => focusField(id("password")), []);

  const cancel = () => {
    if (busy) return;
    onClose();
    if (returnFocus) document.getElementById(returnFocus)?.focus();
  };

  const confirm = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found = checkReauthentication(password, code);
    setErrors(found);
    setProblem(null);
    if (hasErrors(found)) {
      focusField(id(firstError(found, FIELDS)!));
      return;
    }
    setBusy(true);
    try {
      await reauthenticate(password, cleanCode(code));
    } catch (err) {
      setBusy(false);
      const refused = asApiError(err);
      const where = reauthProblem(refused);
      if (where === "password" || where === "code") {
        if (where === "code") setCode(""); // a wrong code will not come right; the next one will
        setErrors({ [where]: refused.detail });
        focusField(id(where));
      } else if (where === "sign-in") {
        onSessionEnded(refused);
      } else {
        setProblem(refused);
      }
      return;
    }
    onClose();
    pending.again();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      cancel();
    }
  };

  return (
    <form class="panel confirm-identity work-confirm" aria-labelledby="work-confirm-heading" aria-describedby="work-confirm-why"
      onSubmit={confirm} onKeyDown={onKeyDown} noValidate data-testid="confirm-identity">
      <h2 id="work-confirm-heading">Confirm it is you</h2>
      <p id="work-confirm-why" class="hint">
        To {pending.what}, type your password and a code from your authenticator app (once every 5 minutes).
      </p>
      <Field id={id("password")} label="Password" type="password" autocomplete="current-password"
        value={password} onValue={setPassword} error={errors.password} />
      <Field id={id("code")} label="Code from your authenticator app" autocomplete="one-time-code"
        inputMode="numeric" maxLength={20} value={code} onValue={setCode} error={errors.code}
        hint="The 6 digits the app shows now." />
      <ActionProblem what="Could not confirm it is you." problem={problem} />
      <div class="form-actions">
        <button type="submit" aria-disabled={busy ? "true" : undefined}>{busy ? "Confirming…" : `Confirm and ${pending.what}`}</button>
        <button type="button" class="secondary" onClick={cancel}>Cancel</button>
      </div>
    </form>
  );
}
