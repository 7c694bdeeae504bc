// Customer identity: register, verify, sign in and out, password reset, linked accounts.
import { post, put, request } from "./api.ts";
import type { Me } from "./types.ts";

const open = { session: false } as const;

export interface Registration {
  email: string;
  street: string;
  zip: string;
  account_number?: string;
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

export const signOut = () => request<void>("POST", "/api/v1/auth/logout", open);
export const signOutEverywhere = () => post<void>("/api/v1/auth/logout-everywhere");

export const requestPasswordReset = (email: string) =>
  request<void>("POST", "/api/v1/auth/password-reset", { body: { email }, ...open });

export const confirmPasswordReset = (token: string, password: string) =>
  request<void>("POST", "/api/v1/auth/password-reset/confirm", { body: { token, password }, ...open });

export const addAccount = (a: { street: string; zip: string; account_number?: string }) =>
  post<Me>("/api/v1/me/accounts", a);

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


