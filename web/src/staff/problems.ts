// Where a problem answer goes (pure; test/staffProblems.test.mjs). The server's `detail` is what
// the user reads, wherever it is shown.

import type { ApiError } from "./api.ts";

export const SESSION_ENDED = "Your session ended; sign in again.";
export const SIGNED_OUT = "You have signed out.";
export const LINK_EXPIRED = "This link has expired or was already used. Ask an administrator for a new one.";

/**
 * A staff API call of the console (search, account, sign-out): a 401 means the session ended
 * (15 minutes idle, 10 hours in all), so back to signing in; everything else, 403
 * permission-required included, is an alert and the user stays signed in.
 */
export function consoleProblem(e: ApiError): "sign-in" | "alert" {
  return e.status === 401 ? "sign-in" : "alert";
}

/**
 * Signing in: the password was right but the code is missing or wrong (401 mfa-required) goes
 * to the code field; anything else (sign-in-failed, sign-in-locked, ...) to the alert.
 */
export function signInProblem(e: ApiError): "code" | "alert" {
  return e.kind === "mfa-required" ? "code" : "alert";
}

/** Enrolment: the link is dead (410), or a field the user can fix, or the alert. */
export function enrolProblem(e: ApiError): "expired" | "password" | "code" | "alert" {
  if (e.status === 410 || e.kind === "link-expired") return "expired";
  if (e.kind === "mfa-code-wrong" || e.code === "mfa-code-wrong" || (e.status === 422 && e.field === "code")) return "code";
  if (e.status === 422 && e.field === "password") return "password";
  return "alert";
}

/** A sensitive action refused until the user confirms password and code (api.ts reauthenticate). */
export function needsReauthentication(e: ApiError): boolean {
  return e.status === 403 && e.kind === "reauthentication-required";
}

/** What the server calls a code that is missing or wrong. */
const CODE_REFUSED = ["mfa-code-wrong", "mfa-required"];

/**
 * Confirming it is you (api.ts reauthenticate): a wrong password or code is said at its field
 * (422 with `field`, "password-wrong", "mfa-code-wrong"); a 401 without one means the session
 * ended; anything else (429 sign-in-locked, ...) is the alert.
 */
export function reauthProblem(e: ApiError): "password" | "code" | "sign-in" | "alert" {
  if (e.field === "password" || e.code === "password-wrong") return "password";
  if (e.field === "code" || CODE_REFUSED.includes(e.code ?? "") || CODE_REFUSED.includes(e.kind)) return "code";
  return e.status === 401 ? "sign-in" : "alert";
}
