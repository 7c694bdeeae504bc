// Sending a request again when the server says it is too busy (the portal and the console): a 503
// "overloaded" answer means nothing was done (docs/operations.md, "Overload"), so the very same
// request (same body, same Idempotency-Key) may go again. Both wait the server's Retry-After or
// their own backoff, whichever is longer, with jitter so that many clients do not come back in
// the same instant; the portal says so on the page while it waits (portal/busy.ts).

/** How many times a refused request is sent again before the customer is told to try later. */
export const OVERLOAD_RETRIES = 4;

/** Whether a problem type is the server's "too busy, nothing done" refusal. */
export function isOverloaded(status: number, problemType: string | undefined): boolean {
  return status === 503 && (problemType ?? "").split("/").pop() === "overloaded";
}

/**
 * Milliseconds to wait before try `attempt` (1 for the first retry): 1 s, 2 s, 4 s, 8 s, never
 * less than the server's Retry-After (seconds), each scaled by 0.8-1.2 (`random` in [0, 1)).
 */
export function retryDelayMs(attempt: number, retryAfterSeconds: number | undefined, random: number): number {
  const backoff = 1000 * 2 ** Math.max(0, attempt - 1);
  const server = retryAfterSeconds !== undefined && retryAfterSeconds >= 0 ? retryAfterSeconds * 1000 : 0;
  const jitter = 0.8 + 0.4 * Math.min(Math.max(random, 0), 1);
  return Math.round(Math.max(backoff, server) * jitter);
}

/** Resolves after `ms`, or rejects with an AbortError when `signal` aborts first. */
export function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException("aborted", "AbortError"));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException("aborted", "AbortError"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
