// Which saved payment method a form (autopay, a scheduled payment) uses.
import type { SavedPaymentMethod } from "./types.ts";

/**
 * The saved method's id (as the select's value): the one picked if it is still saved, else
 * `preferred` (when saved), else the default method, else the first; "" when none is saved.
 * So a form keeps what was picked across reloads, and falls back when that method was removed
 * or when none was saved before.
 */
export function pickedMethod(methods: readonly SavedPaymentMethod[], picked: string, preferred?: number): string {
  const method =
    methods.find((m) => String(m.id) === picked) ??
    methods.find((m) => m.id === preferred) ??
    methods.find((m) => m.default) ??
    methods[0];
  return method ? String(method.id) : "";
}
