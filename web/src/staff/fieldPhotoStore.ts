// Where the field page keeps the bytes of the photos waiting to be sent (the outbox itself,
// fieldQueue.ts, is in localStorage, which holds about 5 MB of text: a photo is up to 900 kB).
// IndexedDB (database "ratepayer-field", store "photos"), keyed by the outbox item's key and the
// technician's id, survives a reload and the browser closing, as the outbox does. Where IndexedDB
// cannot be opened (some private windows), photos are kept in memory: sent while the page stays
// open, lost with it (the outbox then says so for each, to be taken again).

/** A photo kept past the item it belonged to (another tab sent it) is let go after this long. */
const ORPHAN_AFTER_MS = 10 * 60_000;
const DB_NAME = "ratepayer-field";
const STORE = "photos";

interface StoredPhoto {
  key: string;
  staff_id: number;
  blob: Blob;
  stored_at: number;
}

export interface PhotoStore {
  put(key: string, blob: Blob): Promise<void>;
  /** The photo's bytes; null when they are not kept (lost with a page that kept them in memory). */
  get(key: string): Promise<Blob | null>;
  remove(key: string): Promise<void>;
  /** Lets go of this technician's photos whose keys are not in `keep` (older than a few minutes). */
  prune(keep: ReadonlySet<string>): Promise<void>;
}

/** Photos kept in memory when IndexedDB cannot be used: for this page's life only. */
const inMemory = new Map<string, StoredPhoto>();

let opening: Promise<IDBDatabase | null> | null = null;

function openDatabase(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    try {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "key" });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null); // no IndexedDB here
    }
  });
  return opening;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => Promise<T>, fallback: () => T): Promise<T> {
  const db = await openDatabase();
  if (!db) return fallback();
  try {
    return await work(db.transaction(STORE, mode).objectStore(STORE));
  } catch {
    return fallback(); // a full disk, a store closed under us: memory for now
  }
}

/** The photo store of technician `staffId` (another technician on the same phone has their own). */
export function photoStore(staffId: number): PhotoStore {
  const mine = (p: StoredPhoto | undefined): Blob | null => (p && p.staff_id === staffId ? p.blob : null);
  return {
    async put(key, blob) {
      const photo: StoredPhoto = { key, staff_id: staffId, blob, stored_at: Date.now() };
      await withStore("readwrite", async (s) => { await done(s.put(photo)); }, () => { inMemory.set(key, photo); });
    },
    async get(key) {
      const memory = mine(inMemory.get(key));
      if (memory) return memory;
      return withStore("readonly", async (s) => mine((await done(s.get(key))) as StoredPhoto | undefined), () => null);
    },
    async remove(key) {
      inMemory.delete(key);
      await withStore("readwrite", async (s) => { await done(s.delete(key)); }, () => undefined);
    },
    async prune(keep) {
      const old = Date.now() - ORPHAN_AFTER_MS;
      for (const [key, p] of inMemory) if (p.staff_id === staffId && !keep.has(key) && p.stored_at < old) inMemory.delete(key);
      await withStore("readwrite", async (s) => {
        const all = (await done(s.getAll())) as StoredPhoto[];
        for (const p of all) if (p.staff_id === staffId && !keep.has(p.key) && p.stored_at < old) await done(s.delete(p.key));
      }, () => undefined);
    },
  };
}
