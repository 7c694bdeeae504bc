// A form or button that changes the account (autopay, a scheduled payment, a saved method,
// budget billing): one change at a time; what went wrong in the alert region, at the fields the
// server named, or at the fields checked before sending; what was done in the status region.
import { useState } from "preact/hooks";
import { useI18n } from "../i18n/context";
import { ApiError } from "../problem";
import { hasErrors } from "../validation";
import type { FieldErrors } from "../validation";
import { useProblemText } from "./Alert";
import { focusFirstError, serverFieldErrors } from "./forms";

export interface AccountChange {
  busy: boolean;
  /** For the form's Alert: the server's answer to the last change, "" when none. */
  failure: string;
  /** For the section's Status: what the last change did, "" when none. */
  done: string;
  /**
   * Shows the problems found before sending (field id -> message key) at their fields, clears
   * what the server said of the last try, and moves focus to the first problem in `order`.
   * Returns whether the form may be sent (nothing found).
   */
  check: (found: FieldErrors, order: string[]) => boolean;
  /** The message under a field: the server's, else the one found before sending. */
  fieldError: (id: string) => string | undefined;
  /**
   * Makes the change unless one is under way. On success `done` is `message` (or made from the
   * answer) and onChanged runs; on an ApiError `failure` is its text and the fields the server
   * named (API name -> input id in `serverFields`) show its words.
   */
  run: <T>(change: () => Promise<T>, message: string | ((answer: T) => string)) => Promise<void>;
}

export function useAccountChange(onChanged: () => void, serverFields: Record<string, string> = {}): AccountChange {
  const { t } = useI18n();
  const problemText = useProblemText();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState("");
  const [done, setDone] = useState("");
  const [busy, setBusy] = useState(false);

  const check = (found: FieldErrors, order: string[]) => {
    setErrors(found);
    setServerErrors({});
    if (!hasErrors(found)) return true;
    focusFirstError(found, order);
    return false;
  };

  const fieldError = (id: string) => {
    const key = errors[id];
    return serverErrors[id] ?? (key ? t(key) : undefined);
  };

  const run = async <T>(change: () => Promise<T>, message: string | ((answer: T) => string)) => {
    if (busy) return;
    setBusy(true);
    setFailure("");
    setDone("");
    try {
      const answer = await change();
      setDone(typeof message === "function" ? message(answer) : message);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError) {
        setFailure(problemText(e));
        setServerErrors(serverFieldErrors(e, problemText, serverFields));
      }
    } finally {
      setBusy(false);
    }
  };

  return { busy, failure, done, check, fieldError, run };
}
