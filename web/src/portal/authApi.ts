// Customer identity: register, verify, sign in and out, password reset, linked accounts.
import { post, put, request } from "./api.ts";
import type { Me } from "./types.ts";

const open = { session: false } as const;

/** What names an account: its service address, and optionally its number with the amount due
 * of one of its last two bills (together they link it without a mailed code), and the mobile
 * phone on file (a link is texted there instead of mailing a code). */
export interface AccountClaim {
  street: string;
  zip: string;
  account_number?: string;
  bill_amount?: string;
  phone?: string;
}

export interface Registration extends AccountClaim {
  email: string;
  language?: string;
}

export const register = (r: Registration) =>
  request<{ email: string }>("POST", "/api/v1/auth/register", { body: r, ...open });

export const verifyEmail = (token: string, password: string) =>
  request<Me>("POST", "/api/v1/auth/verify", { body: { token, password }, ...open });

export const signIn = (email: string, password: string, code?: string) =>
  request<Me>("POST", "/api/v1/auth/login", {
    body: code ? { email, password, code } : { email, password },
    ...open,
  });

/** The signed-in customer; a 401 here only means "not signed in". */
export const fetchMe = (signal?: AbortSignal) =>
  request<Me>("GET", "/api/v1/me", { signal, ...open });

/** The signed-in customer, asked during a session: a 401 here means the session ended. */
export const fetchMeInSession = () => request<Me>("GET", "/api/v1/me");

export const signOut = () => request<void>("POST", "/api/v1/auth/logout", open);
export const signOutEverywhere = () => post<void>("/api/v1/auth/logout-everywhere");

export const requestPasswordReset = (email: string) =>
  request<void>("POST", "/api/v1/auth/password-reset", { body: { email }, ...open });

export const confirmPasswordReset = (token: string, password: string) =>
  request<void>("POST", "/api/v1/auth/password-reset/confirm", { body: { token, password }, ...open });

/** Links the accounts named now when proved, else mails a code (they are then pending). */
export const addAccount = (a: AccountClaim) => post<Me>("/api/v1/me/accounts", a);

/** Links the pending account whose mailed letter holds `code`. */
export const claimAccount = (code: string) => post<Me>("/api/v1/me/accounts/claim", { code });

/** "This wasn't me": the emailed link's token removes the login it names from the account. */
export const notMe = (token: string) =>
  request<void>("POST", "/api/v1/auth/not-me", { body: { token }, ...open });

/** What the texted link added: the account (its last four digits) and the login (masked). */
export interface ClaimedByText {
  account_ending: string;
  login: string;
}

/** The link texted to the mobile phone on file: its token adds the account to the login that
 * asked for it (works signed out). */
export const claimByText = (token: string) =>
  request<ClaimedByText>("POST", "/api/v1/auth/claim-by-text", { body: { token }, ...open });

export const saveLanguage = (language: string) => put<Me>("/api/v1/me/language", { language });

export interface MfaEnrolment {
  secret: string;
  otpauth_uri: string;
  qr_svg: string;
}

export const startTwoStep = () => post<MfaEnrolment>("/api/v1/me/mfa", {});
export const confirmTwoStep = (code: string) =>
  post<{ recovery_codes: string[] }>("/api/v1/me/mfa/confirm", { code });
export const turnOffTwoStep = (password: string) => post<void>("/api/v1/me/mfa/disable", { password });

export const changePassword = (current_password: string, new_password: string) =>
  post<void>("/api/v1/me/password", { current_password, new_password });


