// The account's complete history for the History section: a page of 50 at a time, newest first,
// filtered by a group of kinds ("bill"), and the events written since (a note added or pinned on
// this page) put on top when asked (showNewest) without losing the older pages loaded.
import { useEffect, useRef, useState } from "preact/hooks";
import { asApiError } from "./api";
import type { ApiError } from "./api";
import { fetchHistory } from "./accountApi";
import type { HistoryEvent, HistoryPage } from "./accountApi";
import { consoleProblem } from "./problems";
import { dataOf } from "./resource";
import { newestFirst } from "./history";
import { usePagedResource } from "./useResource";
import { learnUtilityZone } from "./utilityZone";
import type { PagedLoaded } from "./useResource";

export interface AccountHistory extends PagedLoaded<HistoryEvent, HistoryPage> {
  /** What the table shows: every page loaded and the events written since, newest first. */
  events: HistoryEvent[];
  /** The groups of kinds the account has, for the filter; [] until the first answer. */
  kinds: string[];
  timeZone: string | null;
  /** The group shown ("bill"), "" for all. */
  kind: string;
  setKind: (kind: string) => void;
  /** Asks for the newest events again (after this page wrote one) and puts them on top. */
  showNewest: () => void;
}

export function useAccountHistory(account: string, onSessionEnded: (e: ApiError) => void): AccountHistory {
  // The filter belongs to the account it was chosen on: another account opens on all kinds.
  const [filter, setFilter] = useState({ account, kind: "" });
  const kind = filter.account === account ? filter.kind : "";
  const key = `${account}|${kind}`;
  const list = usePagedResource<HistoryEvent, HistoryPage>(
    (cursor, signal) => fetchHistory(account, kind, cursor, signal),
    key,
    onSessionEnded,
  );
  const first = dataOf(list.resource);
  const [newer, setNewer] = useState<HistoryEvent[]>([]);
  // The kinds last heard of for this account: the filter keeps its choices while a page loads.
  const [known, setKnown] = useState<{ account: string; kinds: string[]; timeZone: string | null } | null>(null);
  // Counts the accounts and filters shown: newer events asked for under an earlier one are
  // dropped. (Kept through a reload of the same list: its answer may have left before them.)
  const generation = useRef(0);
  useEffect(() => {
    generation.current += 1;
    setNewer([]);
  }, [key]);
  useEffect(() => {
    if (first) setKnown({ account, kinds: first.kinds, timeZone: first.time_zone });
    learnUtilityZone(first?.time_zone); // the console's times are on the utility's clocks (utilityZone.ts)
  }, [first]);

  const showNewest = () => {
    const asked = generation.current;
    fetchHistory(account, kind, null).then(
      (page) => {
        if (asked !== generation.current) return;
        setNewer((n) => newestFirst(page.items, n));
        setKnown({ account, kinds: page.kinds, timeZone: page.time_zone });
      },
      (e: unknown) => {
        // Not shown otherwise: the events already shown stay right, the new one comes with the
        // next load of the history.
        const error = asApiError(e);
        if (consoleProblem(error) === "sign-in") onSessionEnded(error);
      },
    );
  };

  const kept = known?.account === account ? known : null;
  return {
    ...list,
    events: newestFirst(newer, list.items),
    kinds: kept?.kinds ?? [],
    timeZone: kept?.timeZone ?? null,
    kind,
    setKind: (k: string) => setFilter({ account, kind: k }),
    showNewest,
  };
}
