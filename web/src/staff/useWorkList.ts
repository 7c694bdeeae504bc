// A work queue's list, a page at a time (the first page when the screen opens or its key changes,
// more on asking), asked for again after each action *in place*: the rows stay on screen until
// the fresh answer replaces them, so focus and the user's place are not lost. A 401 means the
// session ended (the console signs in again); any other failure stays with the list.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { asApiError, isAbort } from "./api";
import type { ApiError } from "./api";
import type { ListPage } from "./accountApi";
import { consoleProblem } from "./problems";

export interface WorkList<T> {
  /** "loading": the first answer is not in yet; "failed": it could not be had (error says why). */
  state: "loading" | "ready" | "failed";
  error: ApiError | null;
  items: T[];
  hasMore: boolean;
  /** A next page, or a refresh, is on its way. */
  busy: boolean;
  /** Why the last next page or refresh could not load (the rows shown are the last good ones). */
  moreError: ApiError | null;
  loadMore: () => void;
  /** Asks for the first page again, keeping the rows shown until it answers. */
  refresh: () => void;
}

/** `key` names what `fetchPage` asks for (the filters): a new key starts from nothing. */
export function useWorkList<T>(
  fetchPage: (cursor: string | null, signal?: AbortSignal) => Promise<ListPage<T>>,
  key: string,
  onSessionEnded: (e: ApiError) => void,
): WorkList<T> {
  const [state, setState] = useState<WorkList<T>["state"]>("loading");
  const [error, setError] = useState<ApiError | null>(null);
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  // Each request's number: an answer to an older one (another key, a refresh since) is dropped.
  const asked = useRef(0);
  const abort = useRef<AbortController | null>(null);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  // Rows of this key are shown: a failure then leaves them and says so beside them.
  const shown = useRef(false);

  const failed = (e: unknown): ApiError | null => {
    if (isAbort(e)) return null;
    const err = asApiError(e);
    if (consoleProblem(err) === "sign-in") onSessionEnded(err);
    return err;
  };

  const ask = useCallback((cursor: string | null, fresh: boolean) => {
    abort.current?.abort();
    const ctl = new AbortController();
    abort.current = ctl;
    const n = ++asked.current;
    setBusy(true);
    setMoreError(null);
    fetchRef.current(cursor, ctl.signal).then(
      (page) => {
        if (n !== asked.current) return;
        setItems((rows) => (fresh ? page.items : [...rows, ...page.items]));
        setNext(page.next_cursor);
        shown.current = true;
        setState("ready");
        setError(null);
        setBusy(false);
      },
      (e: unknown) => {
        const err = failed(e);
        if (!err || n !== asked.current) return;
        setBusy(false);
        if (shown.current) {
          setMoreError(err);
        } else {
          setError(err);
          setState("failed");
        }
      },
    );
  }, []);

  // The first page, whenever the key changes: nothing of the last key is shown meanwhile.
  useEffect(() => {
    shown.current = false;
    setState("loading");
    setItems([]);
    setNext(null);
    setError(null);
    ask(null, true);
    return () => abort.current?.abort();
  }, [key]);

  const loadMore = () => {
    if (next && !busy) ask(next, false);
  };
  const refresh = useCallback(() => ask(null, true), [ask]);
  return { state, error, items, hasMore: next !== null, busy, moreError, loadMore, refresh };
}
