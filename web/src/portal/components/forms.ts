import type { FieldErrors } from "../validation";

/** Moves focus to the first field with a problem, in the order the form shows them. */
export function focusFirstError(errors: FieldErrors, order: string[]): void {
  const first = order.find((id) => errors[id]) ?? Object.keys(errors)[0];
  if (first) document.getElementById(first)?.focus();
}

/**
 * Server field errors for this form's inputs: the API's field name -> our input's id.
 * Fields the form does not show are left to the alert.
 */
export function serverFieldErrors(
  fromServer: Record<string, string>,
  fieldIds: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(fromServer)) {
    const id = fieldIds[field];
    if (id) out[id] = message;
  }
  return out;
}
