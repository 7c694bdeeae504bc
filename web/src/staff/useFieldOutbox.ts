// The field page's outbox in a component (fieldQueue.ts holds its rules): kept in localStorage
// per user, the photos' bytes in IndexedDB (fieldPhotoStore.ts), sent at once after each move or
// photo, when the browser is online again, every 20 s while the page is open, and when the page
// opens (a reload); never while `paused` (the page opened with no connection for the technician kept
// on the phone: nothing is sent until the server has said the session is still theirs, and its CSRF
// token is known). One pass at a time in this tab; the key of each move (and the server keeping
// an order's same image once) makes a pass of another tab, or one cut short, harmless.
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { asApiError } from "./api";
import type { ApiError } from "./api";
import {
  EMPTY_OUTBOX, RESEND_EVERY_MS, dismiss, enqueue, enqueuePhoto, outboxStorageKey, outcomeOfFailure, parseOutbox, photoMayWait, sendWaiting,
} from "./fieldQueue";
import type { FieldMoveBody, Outbox, QueuedItem, SendOutcome } from "./fieldQueue";
import { photoStore } from "./fieldPhotoStore";
import { newIdempotencyKey } from "../portal/idempotency";
import { moveOrder, postOrderPhoto } from "./ordersApi";
import type { OrderPhotoPurpose } from "./ordersApi";
import { consoleProblem } from "./problems";

export interface FieldOutbox {
  outbox: Outbox;
  /** A pass is sending now. */
  sending: boolean;
  /** Queues a move and sends what waits; false when the outbox is full. */
  add: (order: string, body: FieldMoveBody) => boolean;
  /** Keeps a photo (shrunk already) on the phone and queues it; false when too many wait. */
  addPhoto: (order: string, purpose: OrderPhotoPurpose, photo: Blob) => Promise<boolean>;
  /** A waiting photo's bytes, for its preview (null once sent or lost). */
  photoOf: (key: string) => Promise<Blob | null>;
  flush: () => void;
  forget: (key: string) => void;
}

/** A photo whose bytes are gone (kept in memory by a page since closed): said, to be taken again. */
const LOST_PHOTO: SendOutcome = {
  kind: "refused", status: 0, code: "photo-lost", field: null,
  detail: "The photo was not kept on this phone after the page closed. Take it again.",
};

export function useFieldOutbox(staffId: number, onSessionEnded: (e: ApiError) => void, onAnswered: () => void, paused = false): FieldOutbox {
  const storageKey = outboxStorageKey(staffId);
  const photos = useMemo(() => photoStore(staffId), [staffId]);
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

  const sendOne = useCallback(async (item: QueuedItem): Promise<void> => {
    if (!item.photo) {
      await moveOrder(item.order, item.body, item.key);
      return;
    }
    const blob = await photos.get(item.key);
    if (!blob) throw LOST_PHOTO;
    await postOrderPhoto(item.order, item.photo.purpose, blob);
  }, [photos]);

  const flush = useCallback(() => {
    if (paused) return; // sent once the session is known again (this callback is made anew then, and runs)
    if (passing.current) {
      again.current = true; // a move added meanwhile goes in the next pass
      return;
    }
    if (load().waiting.length === 0) return;
    passing.current = true;
    setSending(true);
    let answered = false;
    const send = async (item: QueuedItem): Promise<SendOutcome> => {
      try {
        await sendOne(item);
        answered = true;
        return { kind: "done" };
      } catch (e) {
        if (e === LOST_PHOTO) return LOST_PHOTO;
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
    const letGo = (item: QueuedItem) => {
      if (item.photo) void photos.remove(item.key);
    };
    void sendWaiting(load, save, send, letGo).finally(() => {
      passing.current = false;
      setSending(false);
      if (answered) onAnswered();
      if (again.current) {
        again.current = false;
        flush();
      }
    });
  }, [load, save, sendOne, photos, onSessionEnded, onAnswered, paused]);

  useEffect(() => {
    flush();
    void photos.prune(new Set(load().waiting.map((m) => m.key)));
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
  }, [flush, load, photos, storageKey]);

  const add = useCallback((order: string, body: FieldMoveBody) => {
    const next = enqueue(load(), order, body, new Date());
    if (!next) return false;
    save(next);
    flush();
    return true;
  }, [load, save, flush]);

  const addPhoto = useCallback(async (order: string, purpose: OrderPhotoPurpose, photo: Blob) => {
    const facts = { purpose, size_bytes: photo.size };
    if (!photoMayWait(load())) return false;
    // The bytes first, then the outbox: a pass never finds an item without its photo.
    const key = newIdempotencyKey(undefined, "photo");
    await photos.put(key, photo);
    const next = enqueuePhoto(load(), order, facts, new Date(), key);
    if (!next) {
      void photos.remove(key);
      return false;
    }
    save(next);
    flush();
    return true;
  }, [load, save, flush, photos]);

  const forget = useCallback((key: string) => save(dismiss(load(), key)), [load, save]);

  return { outbox, sending, add, addPhoto, photoOf: photos.get, flush, forget };
}
