// The field page's service worker from the page's side (the worker is public/field-sw.js; the
// names they share and the rules are in fieldOffline.ts): registered when the field page opens,
// told which files the page loaded before it was there (so the first visit is enough to open the
// page with no connection), and told to forget, its caches deleted here too, on sign-out or when
// another user signs in on the phone. Also the technician and the utility's zone kept on the phone.
import {
  COPIES_CACHE_PREFIX, FIELD_WORKER_SCOPE, FIELD_WORKER_URL, SHELL_CACHE, TECHNICIAN_STORAGE_KEY, ZONE_STORAGE_KEY, parseKeptTechnician, shellFiles,
  technicianToKeep,
} from "./fieldOffline";
import type { Staff } from "./api";

/**
 * Registers the worker (once per page load is enough; again is harmless) and gives it the files
 * the page loaded. `onControl` is called when the worker starts answering the page (its first
 * visit, or a new version): the page then asks for its orders again, through the worker, which
 * keeps them. Returns what stops listening. Where service workers are not available (an insecure
 * origin, some private windows) the page works as before, with the connection only.
 */
export function registerFieldWorker(onControl: () => void): () => void {
  if (!("serviceWorker" in navigator)) return () => {};
  const workers = navigator.serviceWorker;
  workers.addEventListener("controllerchange", onControl);
  workers
    .register(FIELD_WORKER_URL, { scope: FIELD_WORKER_SCOPE })
    .then(() => workers.ready)
    .then((registration) => {
      const loaded = performance.getEntriesByType("resource").map((e) => e.name);
      registration.active?.postMessage({ type: "keep-shell", urls: shellFiles(loaded, location.origin, FIELD_WORKER_SCOPE) });
    })
    .catch(() => {
      // Not registered: the page still works while there is a connection.
    });
  return () => workers.removeEventListener("controllerchange", onControl);
}

function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** The technician kept on the phone (no CSRF token), or null. */
export function keptTechnician(): Staff | null {
  return parseKeptTechnician(readStored(TECHNICIAN_STORAGE_KEY));
}

/** Keeps `me` as the phone's technician; another technician's copies are let go first. */
export function keepTechnician(me: Staff): void {
  const kept = keptTechnician();
  if (kept && kept.id !== me.id) void forgetFieldCopies();
  try {
    localStorage.setItem(TECHNICIAN_STORAGE_KEY, technicianToKeep(me));
  } catch {
    // Not kept: the page then needs a connection to open.
  }
}

/** A user signed in: the copies of another technician are not theirs to see. */
export function forgetOtherTechnician(me: Pick<Staff, "id">): void {
  const kept = keptTechnician();
  if (kept && kept.id !== me.id) void forgetFieldCopies();
}

/** The utility's zone kept on the phone, or null. */
export function keptZone(): string | null {
  return readStored(ZONE_STORAGE_KEY);
}

export function keepZone(zone: string): void {
  try {
    localStorage.setItem(ZONE_STORAGE_KEY, zone);
  } catch {
    // Not kept: without a connection the day is the phone's.
  }
}

/**
 * Signing out (or another user signing in): the kept technician and every copy of the field
 * page's orders and files are let go, by the worker (which stops keeping answers already on their
 * way) and here (should no worker be running). The outbox of moves waiting to be sent is kept: it
 * is the technician's work, sent once they sign in again.
 */
export async function forgetFieldCopies(): Promise<void> {
  try {
    localStorage.removeItem(TECHNICIAN_STORAGE_KEY);
    localStorage.removeItem(ZONE_STORAGE_KEY);
  } catch {
    // nothing kept
  }
  try {
    if ("serviceWorker" in navigator) {
      const registration = await navigator.serviceWorker.getRegistration(FIELD_WORKER_SCOPE);
      registration?.active?.postMessage({ type: "forget" });
    }
    if ("caches" in globalThis) {
      for (const name of await caches.keys()) {
        if (name.startsWith(COPIES_CACHE_PREFIX) || name === SHELL_CACHE) await caches.delete(name);
      }
    }
  } catch {
    // Storage refused: nothing was kept.
  }
}
