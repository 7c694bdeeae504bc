import type { ComponentChildren } from "preact";
import { useI18n } from "../i18n/context";
import type { ApiError } from "../problem";
import { problemWords } from "../problemWords";

/** What to tell the customer about a failed request, in their language (problemWords.ts). */
export function useProblemText(): (e: ApiError) => string {
  const { t, language } = useI18n();
  return (e) => problemWords(e, language, t);
}

/**
 * The alert region of a form or page. It is always in the document, so screen readers announce
 * what appears in it; it is empty when there is nothing to say.
 */
export function Alert({ children, id }: { children?: ComponentChildren; id?: string }) {
  return (
    <div role="alert" id={id} class={children ? "alert" : "alert empty"}>
      {children}
    </div>
  );
}

/** A polite announcement (saved, sent): role=status, also always present. */
export function Status({ children }: { children?: ComponentChildren }) {
  return (
    <div role="status" class={children ? "notice" : "notice empty"}>
      {children}
    </div>
  );
}

export function ProblemAlert({ error }: { error: ApiError | null }) {
  const text = useProblemText();
  return <Alert>{error ? text(error) : null}</Alert>;
}
