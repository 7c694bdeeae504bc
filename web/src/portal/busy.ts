// Whether the portal is waiting to send a request again because the server was too busy
// (retry.ts): the page shows a notice while it waits. Any number of requests may be waiting.
type Listener = (waiting: boolean) => void;

let waitingRequests = 0;
const listeners = new Set<Listener>();

/** Calls `listener` whenever the portal starts or stops waiting; returns the unsubscribe. */
export function onBusyChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True while some request waits to be sent again. */
export function isBusy(): boolean {
  return waitingRequests > 0;
}

/** Marks one request waiting until the returned function is called. */
export function startWaiting(): () => void {
  waitingRequests += 1;
  if (waitingRequests === 1) for (const l of listeners) l(true);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    waitingRequests -= 1;
    if (waitingRequests === 0) for (const l of listeners) l(false);
  };
}
