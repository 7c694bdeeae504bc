// Exactly-once payments from the browser. Each payment attempt carries an Idempotency-Key:
// a fresh random key when the customer starts an attempt, the same key when the same attempt
// is sent again after a failure that left its outcome unknown (network error, server busy).
// The server answers a repeated key with the first answer, so a retry never charges twice.
// A card's token is kept with the attempt: a new token would change the request body, and
// the same key with a different body is refused (422).

/** Random source: fills the array with random bytes (crypto.getRandomValues in the browser). */
export type RandomBytes = (bytes: Uint8Array) => Uint8Array;

// The Web Crypto API, present in browsers and Node (typed here so the tests need no DOM types).
const webCrypto = (globalThis as unknown as { crypto: { getRandomValues(a: Uint8Array): Uint8Array } }).crypto;
const defaultRandom: RandomBytes = (bytes) => webCrypto.getRandomValues(bytes);

/** A new key: 128 random bits as 32 hex digits, prefixed so logs show where it came from. */
export function newIdempotencyKey(random: RandomBytes = defaultRandom, prefix = "portal"): string {
  const bytes = random(new Uint8Array(16));
  let hex = "";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return `${prefix}-${hex}`;
}

/**
 * Whether a failed request may have been charged and should be retried with the same key.
 * No HTTP answer (status 0), a timeout (408), rate limit (429) or a server error (5xx) leaves the
 * outcome unknown. Any other answer (201, 202, 402 declined, 422 invalid...) is the outcome.
 */
export function outcomeUnknown(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

export interface Attempt {
  key: string;
  /** The processor's token for a card or bank account typed in for this attempt. */
  token?: string;
}

/**
 * The payment attempt in progress on a form. `current()` starts an attempt or returns the one
 * to retry; `finish()` after a definite answer; `abandon()` when the customer changes the
 * amount or the method (a changed payment is a new attempt with a new key).
 */
export class PaymentAttempts {
  private attempt: Attempt | null = null;

  constructor(private readonly random: RandomBytes = defaultRandom) {}

  current(): Attempt {
    if (!this.attempt) this.attempt = { key: newIdempotencyKey(this.random) };
    return this.attempt;
  }

  /** Whether a submit now would resend an earlier attempt (the form says "try again"). */
  get retrying(): boolean {
    return this.attempt !== null;
  }

  /** Called with the HTTP status of a failed request: keep the attempt only if it may be retried. */
  failed(status: number): void {
    if (!outcomeUnknown(status)) this.attempt = null;
  }

  finish(): void {
    this.attempt = null;
  }

  abandon(): void {
    this.attempt = null;
  }
}

/**
 * Sends one request of the attempt in progress under its key (`send` puts the key in the
 * Idempotency-Key header): a definite answer, or a refusal, ends the attempt; a failure that
 * leaves the outcome unknown keeps it, so sending again resends the same request. Also how a
 * service request is asked for exactly once (a move-out tapped twice is one request).
 */
export async function sendAttempt<T>(attempts: PaymentAttempts, send: (key: string) => Promise<T>): Promise<T> {
  const attempt = attempts.current();
  try {
    const answer = await send(attempt.key);
    attempts.finish();
    return answer;
  } catch (e) {
    const status = (e as { status?: unknown } | null)?.status;
    attempts.failed(typeof status === "number" ? status : 0);
    throw e;
  }
}
