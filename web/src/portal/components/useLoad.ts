import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError, networkError } from "../problem";
import { isAbort } from "../api";

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  set: (data: T) => void;
}

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : networkError();
}

/** Loads data for a page; again when a dependency (the account) changes or on reload(). */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    setError(null);
    load(ctl.signal).then(
      (d) => {
        setData(d);
        setLoading(false);
      },
      (e: unknown) => {
        if (isAbort(e)) return;
        setError(asApiError(e));
        setLoading(false);
      },
    );
    return () => ctl.abort();
    // (load is a new closure each render; deps name what it reads.)
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, reload, set: setData };
}

export { asApiError };
