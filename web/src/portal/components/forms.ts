import type { FieldErrors } from "../validation";
import type { ApiError } from "../problem";

/** Moves focus to the first field with a problem, in the order the form shows them. */
export function focusFirstError(errors: FieldErrors, order: string[]): void {
  const first = order.find((id) => errors[id]) ?? Object.keys(errors)[0];
  if (first) document.getElementById(first)?.focus();
}

/**
 * Server field errors for this form's inputs: the API's field name -> our input's id, each
 * field with the problem in the customer's words (`words`, from useProblemText, told which API
 * field it is for). Fields the form does not show are left to the alert.
 */
export function serverFieldErrors(
  problem: ApiError,
  words: (problem: ApiError, field: string) => string,
  fieldIds: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of Object.keys(problem.fieldErrors)) {
    const id = fieldIds[field];
    if (id) out[id] = words(problem, field);
  }
  return out;
}
