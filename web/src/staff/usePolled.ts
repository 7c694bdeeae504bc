// An answer the outage console keeps fresh: asked for on opening, then every `everyMs` while the
// page is shown (not while the tab is hidden: it is asked for again on coming back), and on
// refresh(). What was shown stays while a fresh answer is on its way or if one fails (said, with
// when the shown one was had). A 401 means the session ended.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { asApiError, isAbort } from "./api";
import type { ApiError } from "./api";
import { consoleProblem } from "./problems";

export interface Polled<T> {
  data: T | undefined;
  /** When `data` was had (ms). */
  at: number | null;
  error: ApiError | null;
  refresh: () => void;
}

export function usePolled<T>(load: (signal: AbortSignal) => Promise<T>, key: string, everyMs: number, onSessionEnded: (e: ApiError) => void): Polled<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [at, setAt] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const inFlight = useRef<AbortController | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;

  const refresh = useCallback(() => {
    inFlight.current?.abort();
    const ctl = new AbortController();
    inFlight.current = ctl;
    loadRef.current(ctl.signal).then(
      (answer) => {
        if (inFlight.current !== ctl) return;
        inFlight.current = null;
        setData(answer);
        setAt(Date.now());
        setError(null);
      },
      (e: unknown) => {
        if (isAbort(e) || inFlight.current !== ctl) return;
        inFlight.current = null;
        const err = asApiError(e);
        if (consoleProblem(err) === "sign-in") onSessionEnded(err);
        else setError(err);
      },
    );
  }, [onSessionEnded]);

  // Another thing asked for: nothing of the last one is shown meanwhile.
  useEffect(() => {
    setData(undefined);
    setAt(null);
    setError(null);
  }, [key]);

  useEffect(() => {
    refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && !inFlight.current) refresh();
    }, everyMs);
    const onShown = () => {
      if (document.visibilityState === "visible") refresh();
    };
    document.addEventListener("visibilitychange", onShown);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onShown);
      inFlight.current?.abort();
      inFlight.current = null;
    };
  }, [key, everyMs, refresh]);

  return { data, at, error, refresh };
}
