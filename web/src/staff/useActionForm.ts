// One submission of an action's form at a time, as the notes form does it (NotesSection.tsx): what
// is wrong is said at its field (checked before sending, or the server's 422 naming a `field`) and
// focus goes to the first; a second press while one is on its way is ignored; a 401 means the
// session ended; anything else is the form's problem alert. An action that moves money sends an
// Idempotency-Key, kept for a retry while the outcome is unknown (no answer, 408, 429, 5xx) so it
// is done once; a new one after any other answer or once what would be sent changes (changed()).
import { useRef, useState } from "preact/hooks";
import { asApiError } from "./api";
import type { ApiError } from "./api";
import { newIdempotencyKey, outcomeUnknown } from "../portal/idempotency";
import type { Attempt } from "../portal/idempotency";
import { firstError, hasErrors } from "./forms";
import type { FieldErrors } from "./forms";
import { focusField } from "./Field";
import { asSentence } from "./labels";
import { consoleProblem } from "./problems";

export interface ActionFormOptions {
  /** The form's fields in its order (the first with an error gets focus). */
  fields: readonly string[];
  /** The server's field names -> the form's (a 422 naming another is the problem alert). */
  serverFields?: Readonly<Record<string, string>>;
  /** The element id of a field. */
  fieldId: (field: string) => string;
  onSessionEnded: (e: ApiError) => void;
  /** Told when a request starts and when it ends (the panel does not close meanwhile). */
  onBusy?: (busy: boolean) => void;
  /**
   * A refusal another part of the page deals with (the server asking the user to confirm it is
   * them: ConfirmIdentity.tsx), given the way to send the same submission again; true when it
   * took it (the form then says nothing of it).
   */
  onRefused?: (error: ApiError, again: () => void) => boolean;
}

export interface ActionForm {
  errors: FieldErrors;
  /** Why the last submission failed, when it is not about one field. */
  problem: ApiError | null;
  busy: boolean;
  /** A failed submission will be sent again as it was (same key, same card token): the form says so. */
  retrying: boolean;
  /** What would be sent changed: the next submission is a new attempt. */
  changed: () => void;
  /** Shows the form's own findings at their fields (focus on the first); whether there were none. */
  check: (found: FieldErrors) => boolean;
  /**
   * Shows `found` (the form's own checks) or, when there are none, sends `send` with the attempt
   * (its Idempotency-Key; a card token may be kept on it) and gives its answer to `done`.
   */
  submit: <T>(found: FieldErrors, send: (attempt: Attempt) => Promise<T>, done: (answer: T) => void) => Promise<void>;
}

export function useActionForm({ fields, serverFields, fieldId, onSessionEnded, onBusy, onRefused }: ActionFormOptions): ActionForm {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // Set at once on submit (state is not): a second press while the first is on its way is ignored.
  const sending = useRef(false);
  // The attempt being sent, kept for a retry while its outcome is unknown.
  const attempt = useRef<Attempt | null>(null);
  const [retrying, setRetrying] = useState(false);

  const changed = () => {
    attempt.current = null;
    setRetrying(false);
  };

  const check = (found: FieldErrors) => {
    setErrors(found);
    setProblem(null);
    if (!hasErrors(found)) return true;
    focusField(fieldId(firstError(found, fields)!));
    return false;
  };

  const submit = async <T,>(found: FieldErrors, send: (a: Attempt) => Promise<T>, done: (answer: T) => void) => {
    if (sending.current || !check(found)) return;
    sending.current = true;
    setBusy(true);
    onBusy?.(true);
    attempt.current ??= { key: newIdempotencyKey(undefined, "console") };
    let answered = false;
    let answer: T | undefined;
    try {
      answer = await send(attempt.current);
      answered = true;
      attempt.current = null;
      setRetrying(false);
    } catch (err) {
      const error = asApiError(err);
      if (!outcomeUnknown(error.status)) attempt.current = null;
      setRetrying(attempt.current !== null);
      const field = error.status === 422 && error.field ? serverFields?.[error.field] : undefined;
      if (consoleProblem(error) === "sign-in") {
        onSessionEnded(error);
      } else if (onRefused?.(error, () => void submit(found, send, done))) {
        setProblem(null);
      } else if (field) {
        setErrors({ [field]: asSentence(error.detail) });
        focusField(fieldId(field));
      } else {
        setProblem(error);
      }
    } finally {
      sending.current = false;
      setBusy(false);
      onBusy?.(false);
    }
    if (answered) done(answer as T);
  };

  return { errors, problem, busy, retrying, changed, check, submit };
}
