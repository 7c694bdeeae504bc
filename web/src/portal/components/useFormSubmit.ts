// A form (or a button) that sends something to the server: one submission at a time; what went
// wrong in the alert region, at the fields the server named, or at the fields checked before
// sending; what was done in the status region. Every form of the portal that sends uses it.
import { useState } from "preact/hooks";
import { useI18n } from "../i18n/context";
import type { MessageKey } from "../i18n/translate";
import { PROBLEM_CODES } from "../problemWords";
import { ApiError } from "../problem";
import { hasErrors } from "../validation";
import type { FieldErrors } from "../validation";
import { useProblemText } from "./Alert";
import { focusFirstError, serverFieldErrors } from "./forms";

export interface FormSubmit {
  busy: boolean;
  /** For the form's Alert: the server's answer to the last submission, "" when none. */
  failure: string;
  /** For the section's Status: what the last submission did, "" when none. */
  done: string;
  /**
   * Shows the problems found before sending (field id -> message key) at their fields, clears
   * what was said of the last try, and moves focus to the first problem in `order`. Returns
   * whether the form may be sent (nothing found).
   */
  check: (found: FieldErrors, order: string[]) => boolean;
  /** The message under a field: the server's, else the one found before sending. */
  fieldError: (id: string) => string | undefined;
  /**
   * Sends unless a submission is under way, and answers what the server answered (undefined when
   * it failed or did not run). On success `done` is `message` (or made from the answer; none
   * leaves it empty) and `onDone` runs; on an ApiError `failure` is its text and the fields the
   * server named (API name -> input id in `serverFields`) show its words.
   */
  run: <T>(send: () => Promise<T>, message?: string | ((answer: T) => string)) => Promise<T | undefined>;
}

/**
 * `fieldWords` (API field name -> message key) words a refusal of that field the server gives
 * without a code the portal knows, in both languages, in place of the server's English detail.
 */
export function useFormSubmit(
  serverFields: Record<string, string> = {},
  onDone: () => void = () => {},
  fieldWords: Readonly<Record<string, MessageKey>> = {},
): FormSubmit {
  const { t } = useI18n();
  const problemText = useProblemText();
  const [errors, setErrors] = useState<FieldErrors>({});
  // The server's refusal is kept, not its words: they are made on every draw, so they follow a
  // change of language.
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const failure = refusal ? problemText(refusal) : "";
  const wordsOfField = (problem: ApiError, field: string) => {
    const key = fieldWords[field];
    return key && !(problem.code && problem.code in PROBLEM_CODES) ? t(key) : problemText(problem);
  };
  const serverErrors = refusal ? serverFieldErrors(refusal, wordsOfField, serverFields) : {};
  const [done, setDone] = useState("");
  const [busy, setBusy] = useState(false);

  const check = (found: FieldErrors, order: string[]) => {
    setErrors(found);
    setRefusal(null);
    setDone("");
    if (!hasErrors(found)) return true;
    focusFirstError(found, order);
    return false;
  };

  const fieldError = (id: string) => {
    const key = errors[id];
    return serverErrors[id] ?? (key ? t(key) : undefined);
  };

  const run = async <T,>(send: () => Promise<T>, message?: string | ((answer: T) => string)) => {
    if (busy) return undefined;
    setBusy(true);
    setRefusal(null);
    setDone("");
    try {
      const answer = await send();
      setDone(typeof message === "function" ? message(answer) : (message ?? ""));
      onDone();
      return answer;
    } catch (e) {
      if (e instanceof ApiError) setRefusal(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  return { busy, failure, done, check, fieldError, run };
}
