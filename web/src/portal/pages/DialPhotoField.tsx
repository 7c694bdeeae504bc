// The optional photo of the dial on "Submit a meter reading": taken with the phone's camera or
// chosen among the photos on it (no `capture`: a phone then offers both), made smaller at once (shared/shrinkPhoto.ts: at most 1600 px, a JPEG under 900 kB, as
// the server takes 1 MB at most) and shown before anything is sent; the form sends it after the
// reading is answered. The preview is a data: URL (the page's policy shows no blob: images).
import { useState } from "preact/hooks";
import { useI18n } from "../i18n/context";
import { fileSize } from "../messages";
import { shrinkProblemKey } from "../meterReads";
import type { MessageKey } from "../i18n/translate";
import { PhotoShrinkError, photoDataUrl, shrinkPhoto } from "../../shared/shrinkPhoto";

/** A photo chosen and made ready to send. */
export interface DialPhoto {
  blob: Blob;
  preview: string;
}

export function DialPhotoField({ id, photo, onPhoto }: { id: string; photo: DialPhoto | null; onPhoto: (photo: DialPhoto | null) => void }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const choose = async (file: File) => {
    setBusy(true);
    setProblem(null);
    try {
      const { blob } = await shrinkPhoto(file);
      onPhoto({ blob, preview: await photoDataUrl(blob) });
    } catch (e) {
      setProblem(shrinkProblemKey(e instanceof PhotoShrinkError ? e.problem : "unreadable"));
    } finally {
      setBusy(false);
    }
  };
  const describedBy = [`${id}-hint`, problem ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class={problem ? "field invalid dial-photo-field" : "field dial-photo-field"}>
      <label for={id}>{t("meterPhotoLabel")}</label>
      <p id={`${id}-hint`} class="hint">{t("meterPhotoHint")}</p>
      {photo ? (
        <div class="dial-photo-chosen" data-testid="dial-photo-chosen">
          <img src={photo.preview} alt={t("meterPhotoAlt")} />
          <p class="hint">{t("meterPhotoReady", { size: fileSize(photo.blob.size, locale) })}</p>
          <button type="button" class="button small" onClick={() => onPhoto(null)}>{t("meterPhotoRemove")}</button>
        </div>
      ) : (
        // The browser's own button speaks the browser's language: the one shown is the portal's,
        // with the input laid over it (it takes the clicks, the taps and the focus).
        <div class="file-picker">
          <span class="button" aria-hidden="true">{t(busy ? "meterPhotoPreparing" : "meterPhotoChoose")}</span>
          <input id={id} type="file" accept="image/*" disabled={busy} aria-invalid={problem ? "true" : undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              input.value = ""; // the same photo may be chosen again after removing it
              if (file) void choose(file);
            }} />
        </div>
      )}
      {problem && <p id={`${id}-error`} class="field-error">{t(problem)}</p>}
    </div>
  );
}
