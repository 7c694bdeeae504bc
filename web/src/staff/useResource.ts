// One answer the account page shows, loaded on its own: a slow or failed one holds up or blanks
// nothing else. A 401 means the session ended (the console signs in again); any other failure
// stays with its section, which says what could not load and offers to ask again.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { asApiError, isAbort } from "./api";
import type { ApiError } from "./api";
import type { ListPage } from "./accountApi";
import { consoleProblem } from "./problems";
import { dataOf } from "./resource";
import type { Resource } from "./resource";

export interface Loaded<T> {
  resource: Resource<T>;
  /** Asks again (the "Try again" of a failed section). */
  reload: () => void;
}

/**
 * Loads `load` when the component mounts, again whenever `key` changes (the account, the usage
 * view) and on reload(). The request in flight is cancelled when the key changes or the page goes.
 * `onSessionEnded` is told of a 401.
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
  onSessionEnded: (e: ApiError) => void,
): Loaded<T> {
  const [resource, setResource] = useState<Resource<T>>({ state: "loading" });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const ctl = new AbortController();
    setResource({ state: "loading" });
    load(ctl.signal).then(
      (data) => setResource({ state: "ready", data }),
      (e: unknown) => {
        if (isAbort(e)) return;
        const error = asApiError(e);
        if (consoleProblem(error) === "sign-in") onSessionEnded(error);
        setResource({ state: "failed", error });
      },
    );
    return () => ctl.abort();
    // (load is a new closure each render; the key names what it reads.)
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { resource, reload };
}

export interface PagedLoaded<T, P extends ListPage<T> = ListPage<T>> extends Loaded<P> {
  /** The first page's items, then every older page asked for, in order. */
  items: T[];
  hasMore: boolean;
  /** An older page is being asked for. */
  busy: boolean;
  /** Why the last older page could not load. */
  moreError: ApiError | null;
  loadMore: () => void;
}

/**
 * A list the API gives newest first, a page at a time (bills, payments, notes, history; `P`, the
 * page, may carry more than its items: the history's kinds): the first page as
 * useResource loads it, older pages when asked. Older pages are dropped when the first reloads,
 * so the list never mixes accounts or repeats an item; one older page is asked for at a time.
 */
export function usePagedResource<T, P extends ListPage<T> = ListPage<T>>(
  fetchPage: (cursor: string | null, signal?: AbortSignal) => Promise<P>,
  key: string,
  onSessionEnded: (e: ApiError) => void,
): PagedLoaded<T, P> {
  const first = useResource((signal) => fetchPage(null, signal), key, onSessionEnded);
  const [older, setOlder] = useState<T[]>([]);
  // undefined: no older page asked for yet, so the first page's cursor is the next one.
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  // Counts the first page's loads: an older page asked for under an earlier one is dropped.
  const generation = useRef(0);
  const firstPage = dataOf(first.resource);
  useEffect(() => {
    generation.current += 1;
    setOlder([]);
    setCursor(undefined);
    setBusy(false);
    setMoreError(null);
  }, [first.resource]);
  const next = cursor === undefined ? firstPage?.next_cursor ?? null : cursor;

  const loadMore = () => {
    if (!next || busy) return;
    const asked = generation.current;
    setBusy(true);
    setMoreError(null);
    fetchPage(next).then(
      (page) => {
        if (asked !== generation.current) return;
        setOlder((o) => [...o, ...page.items]);
        setCursor(page.next_cursor);
        setBusy(false);
      },
      (e: unknown) => {
        if (asked !== generation.current) return;
        const error = asApiError(e);
        if (consoleProblem(error) === "sign-in") onSessionEnded(error);
        setMoreError(error);
        setBusy(false);
      },
    );
  };
  return { ...first, items: [...(firstPage?.items ?? []), ...older], hasMore: next !== null, busy, moreError, loadMore };
}
