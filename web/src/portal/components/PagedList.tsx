// A list the API gives a page at a time, newest first (bills, payments): the first page loads
// with the page, older ones when the customer asks.
import { useEffect, useRef, useState } from "preact/hooks";
import { LoadState } from "./Loading";
import { asApiError, useLoad } from "./useLoad";
import type { Loaded } from "./useLoad";
import { useI18n } from "../i18n/context";
import type { ApiError } from "../problem";

/** A page of a cursor-paged list: its items and the cursor of the next (older) page, if any. */
export interface ListPage<T> {
  items: T[];
  next_cursor: string | null;
}

export interface PagedList<T> {
  /** The first page's load (its loading, error and retry). */
  first: Loaded<ListPage<T>>;
  /** Every item loaded so far, the first page's followed by the older ones in order. */
  items: T[];
  /** Whether there are older items to ask for. */
  hasMore: boolean;
  busy: boolean;
  moreError: ApiError | null;
  loadMore: () => Promise<void>;
}

/**
 * Loads the first page (again whenever `deps` change: the account, live updates) and older pages
 * on loadMore. Older pages are dropped when the first reloads, so a list never mixes accounts or
 * repeats an item after a reload. One request for older pages at a time.
 */
export function usePagedList<T>(
  fetchPage: (cursor: string | null, signal?: AbortSignal) => Promise<ListPage<T>>,
  deps: unknown[],
): PagedList<T> {
  const first = useLoad((signal) => fetchPage(null, signal), deps);
  const [older, setOlder] = useState<T[]>([]);
  // undefined: no older page asked for yet, so the first page's cursor is next.
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // Counts reloads of the first page: an older page asked for before one is dropped.
  const generation = useRef(0);
  useEffect(() => {
    generation.current += 1;
    setBusy(false);
    setOlder([]);
    setCursor(undefined);
    setMoreError(null);
  }, deps);
  const next = cursor === undefined ? first.data?.next_cursor ?? null : cursor;

  const loadMore = async () => {
    if (!next || busy) return;
    const asked = generation.current;
    setBusy(true);
    setMoreError(null);
    try {
      const page = await fetchPage(next);
      if (asked !== generation.current) return;
      setOlder((o) => [...o, ...page.items]);
      setCursor(page.next_cursor);
    } catch (e) {
      if (asked === generation.current) setMoreError(asApiError(e));
    } finally {
      if (asked === generation.current) setBusy(false);
    }
  };
  return { first, items: [...(first.data?.items ?? []), ...older], hasMore: next !== null, busy, moreError, loadMore };
}

/** Under the list: why older items could not load, and the button that loads them. */
export function ShowOlder<T>({ list, label }: { list: PagedList<T>; label: string }) {
  const { t } = useI18n();
  return (
    <>
      <LoadState loading={false} error={list.moreError} />
      {list.hasMore && (
        <button type="button" class="button" onClick={() => void list.loadMore()} aria-disabled={list.busy}>
          {list.busy ? t("loading") : label}
        </button>
      )}
    </>
  );
}
