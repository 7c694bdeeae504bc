// Photos on the field page: choosing one with the phone's camera (PhotoChoice: shrunk at once to a
// JPEG the server takes, shrinkPhoto.ts, and shown before it is kept), and an order's photos
// (OrderPhotos): those the server keeps (thumbnails from it, with the session cookie), those
// waiting on the phone to send (their previews from the phone), those refused, and "Add a photo of
// the site", queued at once like a move (useFieldOutbox.ts).
import { useEffect, useState } from "preact/hooks";
import type { KeptPhoto } from "../portal/types";
import { PhotoShrinkError, photoDataUrl, shrinkPhoto } from "../shared/shrinkPhoto";
import { photoBytesWords } from "../shared/photoSize";
import { PHOTOS_PER_ORDER_MOST, photoRoom, photosWaiting } from "./fieldQueue";
import type { QueuedPhoto, RefusedPhoto } from "./fieldQueue";
import type { FieldOutbox } from "./useFieldOutbox";
import { staffPhotoPath } from "./ordersApi";
import type { OrderPhotoPurpose } from "./ordersApi";
import { formatInstantIn } from "./localTime";

/** A photo chosen and shrunk, not kept yet: its bytes and its preview. */
export interface ChosenPhoto {
  blob: Blob;
  preview: string;
}

const PURPOSE_WORDS: Record<string, string> = {
  reading: "Photo of the dial",
  site: "Photo of the site",
  failure: "Photo of why it could not be done",
  dial: "The customer's photo of the dial",
};

export const purposeWords = (purpose: string) => PURPOSE_WORDS[purpose] ?? "Photo";

const SHRINK_WORDS: Record<string, string> = {
  "not-a-photo": "That file is not a photo. Take a photo, or choose one.",
  unreadable: "This phone could not open that photo. Take it again, or choose another.",
  "too-large": "That photo is too large to send. Take it again, or choose another.",
};

/** Shrinks the file chosen: the photo ready to keep, or the words for what went wrong. */
export async function preparePhoto(file: File): Promise<ChosenPhoto | string> {
  try {
    const { blob } = await shrinkPhoto(file);
    return { blob, preview: await photoDataUrl(blob) };
  } catch (e) {
    return e instanceof PhotoShrinkError ? SHRINK_WORDS[e.problem] : SHRINK_WORDS.unreadable;
  }
}

/** The camera's file input, laid over a button of the page's own (its name is the label's). */
function CameraInput({ id, busy, words, describedBy, onFile }: {
  id: string; busy: boolean; words: string; describedBy?: string; onFile: (file: File) => void;
}) {
  return (
    <div class="photo-picker">
      <span class="photo-picker-button" aria-hidden="true">{busy ? "Getting the photo ready…" : words}</span>
      <input id={id} type="file" accept="image/*" capture="environment" disabled={busy} aria-describedby={describedBy}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          input.value = ""; // the same photo may be chosen again
          if (file) onFile(file);
        }} />
    </div>
  );
}

/** An optional photo in a form (the dial with a reading, why with "Could not do it"): kept when the form is sent. */
export function PhotoChoice({ id, label, photo, onPhoto }: { id: string; label: string; photo: ChosenPhoto | null; onPhoto: (p: ChosenPhoto | null) => void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const choose = async (file: File) => {
    setBusy(true);
    setProblem(null);
    const ready = await preparePhoto(file);
    setBusy(false);
    if (typeof ready === "string") setProblem(ready);
    else onPhoto(ready);
  };
  return (
    <div class={problem ? "field photo-field invalid" : "field photo-field"}>
      <label for={id}>{label}</label>
      {photo ? (
        <div class="photo-chosen" data-testid="photo-chosen">
          <img src={photo.preview} alt={`${label}, as it will be sent`} />
          <span class="explain">Ready to send, {photoBytesWords(photo.blob.size)}.</span>
          <button type="button" class="secondary small" onClick={() => onPhoto(null)}>Remove the photo</button>
        </div>
      ) : (
        <CameraInput id={id} busy={busy} words="Take a photo" describedBy={problem ? `${id}-error` : undefined} onFile={(f) => void choose(f)} />
      )}
      {problem && <p id={`${id}-error`} class="field-error" role="alert">{problem}</p>}
    </div>
  );
}

/** A waiting photo's preview, read from the phone (none once it is sent). */
function WaitingPhoto({ item, outbox, zone }: { item: QueuedPhoto; outbox: FieldOutbox; zone: string | null }) {
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void outbox.photoOf(item.key).then((blob) => (blob ? photoDataUrl(blob) : null)).then((url) => live && setPreview(url), () => {});
    return () => {
      live = false;
    };
  }, [item.key, outbox.photoOf]);
  return (
    <li class="photo-tile waiting" data-testid="photo-waiting">
      {preview ? <img src={preview} alt={purposeWords(item.photo.purpose)} /> : <span class="photo-none" aria-hidden="true" />}
      <span><strong>{purposeWords(item.photo.purpose)}</strong>: waiting to send</span>
      <span class="explain">Taken {formatInstantIn(item.made_at, zone)}{item.tries > 0 ? `; tried ${item.tries} ${item.tries === 1 ? "time" : "times"}` : ""}.</span>
    </li>
  );
}

function PhotoRefusal({ refusal, onDismiss }: { refusal: RefusedPhoto; onDismiss: () => void }) {
  return (
    <div class="alert refusal" role="alert" data-testid="photo-refused">
      <strong>{purposeWords(refusal.photo.purpose)}: not kept.</strong>
      <span class="detail">{refusal.detail}</span>
      <div class="form-actions"><button type="button" class="secondary" onClick={onDismiss}>OK</button></div>
    </div>
  );
}

/** How many photos, in words: "No photos yet.", "1 photo kept with this order." */
function keptWords(kept: number, waiting: number): string {
  const keptPart = kept === 0 ? (waiting === 0 ? "No photos yet." : "None kept yet.") : `${kept} ${kept === 1 ? "photo" : "photos"} kept with this order.`;
  return waiting === 0 ? keptPart : `${keptPart} ${waiting} waiting to send.`;
}

/** The order's photos and "Add a photo of the site". */
export function OrderPhotos({ number, kept, outbox, zone }: { number: string; kept: KeptPhoto[] | null; outbox: FieldOutbox; zone: string | null }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const waiting = photosWaiting(outbox.outbox, number);
  const refused = outbox.outbox.refused.filter((r): r is RefusedPhoto => r.order === number && !!r.photo);
  const room = photoRoom(kept?.length ?? 0, outbox.outbox, number);
  const add = async (purpose: OrderPhotoPurpose, file: File) => {
    setBusy(true);
    setProblem(null);
    const ready = await preparePhoto(file);
    if (typeof ready === "string") setProblem(ready);
    else if (!(await outbox.addPhoto(number, purpose, ready.blob))) setProblem("Not kept: too many photos are waiting to send. Find a connection so they can be sent, then try again.");
    setBusy(false);
  };
  return (
    <section class="field-photos" aria-labelledby="field-photos-heading">
      <h2 id="field-photos-heading">Photos</h2>
      <p class="hint" data-testid="photo-count">{kept === null ? "The photos kept show once the order is loaded." : keptWords(kept.length, waiting.length)}</p>
      {((kept?.length ?? 0) > 0 || waiting.length > 0) && (
        <ul class="photo-tiles">
          {(kept ?? []).map((p) => (
            <li key={p.id} class="photo-tile" data-testid="photo-kept">
              <img src={staffPhotoPath(p.id)} alt={purposeWords(p.purpose)} loading="lazy" />
              <span><strong>{purposeWords(p.purpose)}</strong></span>
              <span class="explain">{formatInstantIn(p.taken_at, zone)}</span>
            </li>
          ))}
          {waiting.map((w) => <WaitingPhoto key={w.key} item={w} outbox={outbox} zone={zone} />)}
        </ul>
      )}
      {refused.map((r) => <PhotoRefusal key={r.key} refusal={r} onDismiss={() => outbox.forget(r.key)} />)}
      {room > 0 ? (
        <div class={problem ? "field photo-field invalid" : "field photo-field"}>
          <label for="site-photo" class="visually-hidden">Add a photo of the site</label>
          <CameraInput id="site-photo" busy={busy} words="Add a photo of the site" describedBy={problem ? "site-photo-error" : undefined}
            onFile={(f) => void add("site", f)} />
          {problem && <p id="site-photo-error" class="field-error" role="alert">{problem}</p>}
        </div>
      ) : (
        <p class="hint">An order keeps {PHOTOS_PER_ORDER_MOST} photos at most: this one has all it can take.</p>
      )}
    </section>
  );
}
