// The work queues' counts for the navigation (GET /api/v1/staff/work-queues), asked for when the
// Work area opens and again after each action there. A failure leaves the last counts shown (or
// none): the queues themselves still load; a 401 means the session ended.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { asApiError, isAbort } from "./api";
import type { ApiError } from "./api";
import { fetchWorkCounts } from "./workApi";
import type { WorkCounts } from "./workQueues";
import { consoleProblem } from "./problems";

export interface WorkCountsState {
  counts: WorkCounts | null;
  /** Why the counts could not be had (the server's words), when they could not. */
  problem: ApiError | null;
  refresh: () => void;
}

export function useWorkCounts(onSessionEnded: (e: ApiError) => void): WorkCountsState {
  const [counts, setCounts] = useState<WorkCounts | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const abort = useRef<AbortController | null>(null);
  const refresh = useCallback(() => {
    abort.current?.abort();
    const ctl = new AbortController();
    abort.current = ctl;
    fetchWorkCounts(ctl.signal).then(
      (answer) => {
        setCounts(answer);
        setProblem(null);
      },
      (e: unknown) => {
        if (isAbort(e)) return;
        const err = asApiError(e);
        if (consoleProblem(err) === "sign-in") onSessionEnded(err);
        else setProblem(err);
      },
    );
  }, []);
  useEffect(() => {
    refresh();
    return () => abort.current?.abort();
  }, []);
  return { counts, problem, refresh };
}
