// What the sign-in and enrolment forms check before sending (pure; test/staffForms.test.mjs).
// The server checks again and says more (its password rules, whether the code is right).

/** Field id -> what is wrong with it. */
export type FieldErrors = Partial<Record<string, string>>;

export const MIN_PASSWORD_LENGTH = 12;

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}

/** The first field, in the form's order, that has an error. */
export function firstError(errors: FieldErrors, order: readonly string[]): string | undefined {
  return order.find((f) => errors[f]);
}

/** A code as typed, without the spaces some apps show ("123 456") or copying adds. */
export function cleanCode(code: string): string {
  return code.replace(/\s+/g, "");
}

export function checkSignIn(email: string, password: string, code: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!email.trim()) errors.email = "Type your email address.";
  if (!password) errors.password = "Type your password.";
  if (!cleanCode(code)) errors.code = "Type the code from your authenticator app.";
  return errors;
}

/** Confirming it is you before a sensitive action: the password and a fresh code. */
export function checkReauthentication(password: string, code: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!password) errors.password = "Type your password.";
  if (!cleanCode(code)) errors.code = "Type the code from your authenticator app.";
  return errors;
}

export function checkNewPassword(password: string, again: string): FieldErrors {
  const errors: FieldErrors = {};
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    errors.password = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (!again) errors.again = "Type the password again.";
  else if (again !== password) errors.again = "The two passwords do not match.";
  return errors;
}

/** Enrolment's first code: the 6 digits the app shows (no recovery codes yet). */
export function checkEnrolCode(code: string): FieldErrors {
  return /^\d{6}$/.test(cleanCode(code)) ? {} : { code: "Type the 6 digits the app shows." };
}
