// The field page's outbox in a component (fieldQueue.ts holds its rules): kept in localStorage
// per user, sent at once after each move, when the browser is online again, every 20 s while the
// page is open, and when the page opens (a reload). One pass at a time in this tab; the key of each
// move makes a pass of another tab, or one cut short, harmless.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { asApiError } from "./api";
import type { ApiError } from "./api";
import { EMPTY_OUTBOX, RESEND_EVERY_MS, dismiss, enqueue, outboxStorageKey, outcomeOfFailure, parseOutbox, sendWaiting } from "./fieldQueue";
import type { FieldMoveBody, Outbox, SendOutcome } from "./fieldQueue";
import { moveOrder } from "./ordersApi";
import { consoleProblem } from "./problems";

export interface FieldOutbox {
  outbox: Outbox;
  /** A pass is sending now. */
  sending: boolean;
  /** Queues a move and sends what waits; false when the outbox is full. */
  add: (order: string, body: FieldMoveBody) => boolean;
  flush: () => void;
  forget: (key: string) => void;
}

export function useFieldOutbox(staffId: number, onSessionEnded: (e: ApiError) => void, onAnswered: () => void): FieldOutbox {
  const storageKey = outboxStorageKey(staffId);
  const load = useCallback((): Outbox => {
    try {
      return parseOutbox(localStorage.getItem(storageKey));
    } catch {
      return EMPTY_OUTBOX;
    }
  }, [storageKey]);
  const [outbox, setOutbox] = useState<Outbox>(load);
  const [sending, setSending] = useState(false);
  const passing = useRef(false);
  const again = useRef(false);
  const save = useCallback((next: Outbox) => {
    try {
      localStorage.setItem(storageKey, JSON.stringify(next));
    } catch {
      // Storage full or refused: the move is still sent from memory while the page is open.
    }
    setOutbox(next);
  }, [storageKey]);

  const flush = useCallback(() => {
    if (passing.current) {
      again.current = true; // a move added meanwhile goes in the next pass
      return;
    }
    if (load().waiting.length === 0) return;
    passing.current = true;
    setSending(true);
    let answered = false;
    const send = async (move: Outbox["waiting"][number]): Promise<SendOutcome> => {
      try {
        await moveOrder(move.order, move.body, move.key);
        answered = true;
        return { kind: "done" };
      } catch (e) {
        const err = asApiError(e);
        if (consoleProblem(err) === "sign-in") {
          onSessionEnded(err); // kept: sent once signed in again
          return { kind: "unknown" };
        }
        const outcome = outcomeOfFailure(err);
        if (outcome.kind === "refused") answered = true;
        return outcome;
      }
    };
    void sendWaiting(load, save, send).finally(() => {
      passing.current = false;
      setSending(false);
      if (answered) onAnswered();
      if (again.current) {
        again.current = false;
        flush();
      }
    });
  }, [load, save, onSessionEnded, onAnswered]);

  useEffect(() => {
    flush();
    const timer = setInterval(flush, RESEND_EVERY_MS);
    addEventListener("online", flush);
    const fromOtherTab = (e: StorageEvent) => {
      if (e.key === storageKey) setOutbox(load());
    };
    addEventListener("storage", fromOtherTab);
    return () => {
      clearInterval(timer);
      removeEventListener("online", flush);
      removeEventListener("storage", fromOtherTab);
    };
  }, [flush, load, storageKey]);

  const add = useCallback((order: string, body: FieldMoveBody) => {
    const next = enqueue(load(), order, body, new Date());
    if (!next) return false;
    save(next);
    flush();
    return true;
  }, [load, save, flush]);

  const forget = useCallback((key: string) => save(dismiss(load(), key)), [load, save]);

  return { outbox, sending, add, flush, forget };
}
