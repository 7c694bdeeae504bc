// RFC 9457 problem+json answers, read into one error type. The `detail` is what the customer
// reads; `field` (or the `errors` list of a validation problem) says which input it is about.

export interface ProblemFields {
  type: string;
  title: string;
  status: number; // 0 = no HTTP answer (network error)
  detail: string;
  /** Field name -> what the server said about it. */
  fieldErrors: Record<string, string>;
  /** A refused payment's confirmation number (402). */
  confirmation?: string;
  /** Seconds to wait before trying again (429 Retry-After). */
  retryAfter?: number;
  /** The particular refusal, when the server names it ("password-too-common"; problemWords.ts). */
  code?: string;
}

export class ApiError extends Error implements ProblemFields {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly fieldErrors: Record<string, string>;
  readonly confirmation?: string;
  readonly retryAfter?: number;
  readonly code?: string;

  constructor(p: ProblemFields) {
    super(p.detail || p.title);
    this.name = "ApiError";
    this.type = p.type;
    this.title = p.title;
    this.status = p.status;
    this.detail = p.detail || p.title;
    this.fieldErrors = p.fieldErrors;
    this.confirmation = p.confirmation;
    this.retryAfter = p.retryAfter;
    this.code = p.code;
  }

  /** The problem type's last path segment: ".../mfa-required" -> "mfa-required". */
  get kind(): string {
    return this.type.split("/").pop() ?? "";
  }
}

type Json = Record<string, unknown>;

function asString(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

// Validation problems name fields in several shapes: {"field": "zip"}, {"errors": [{"field":
// "zip", "detail": "..."}]}, {"errors": [{"pointer": "/zip", "message": "..."}]} or
// {"errors": {"zip": "..."}}. All become field -> message.
export function fieldErrorsOf(body: Json, detail: string): Record<string, string> {
  const out: Record<string, string> = {};
  const errors = body.errors;
  if (Array.isArray(errors)) {
    for (const e of errors) {
      if (!e || typeof e !== "object") continue;
      const item = e as Json;
      const field =
        asString(item.field) ?? asString(item.name) ?? asString(item.pointer)?.replace(/^[#/]+/, "");
      const message = asString(item.detail) ?? asString(item.message) ?? detail;
      if (field && !(field in out)) out[field] = message;
    }
  } else if (errors && typeof errors === "object") {
    for (const [field, message] of Object.entries(errors as Json)) {
      const text = Array.isArray(message) ? asString(message[0]) : asString(message);
      out[field] = text ?? detail;
    }
  }
  const field = asString(body.field);
  if (field && !(field in out)) out[field] = detail;
  return out;
}

/** Reads a problem body (already parsed JSON, or null when the body was not JSON). */
export function problemFrom(
  status: number,
  statusText: string,
  body: unknown,
  retryAfterHeader: string | null,
): ApiError {
  const json: Json = body && typeof body === "object" ? (body as Json) : {};
  const detail =
    asString(json.detail) ??
    asString(json.title) ??
    `Request failed (HTTP ${status}${statusText ? ` ${statusText}` : ""}).`;
  const retry = retryAfterHeader !== null ? Number(retryAfterHeader) : NaN;
  return new ApiError({
    type: asString(json.type) ?? "about:blank",
    title: asString(json.title) ?? statusText,
    status: typeof json.status === "number" ? json.status : status,
    detail,
    fieldErrors: fieldErrorsOf(json, detail),
    confirmation: asString(json.confirmation),
    code: asString(json.code),
    retryAfter: Number.isFinite(retry) && retry >= 0 ? retry : undefined,
  });
}

export function networkError(): ApiError {
  return new ApiError({
    type: "about:blank",
    title: "Network error",
    status: 0,
    detail: "",
    fieldErrors: {},
  });
}
