// Up to 3 files (photos or PDF) chosen for a message: each shown with its name and size and a
// Remove button before anything is sent; a file that cannot go (its type, its size, one too many)
// is said at the field and left out. Nothing is uploaded here: the form sends them (useUploads).
import { useI18n } from "../../i18n/context";
import { MOST_FILES, addFiles, fileSize } from "../../messages";
import type { MessageKey } from "../../i18n/translate";

const ACCEPT = "image/jpeg,image/png,image/gif,image/webp,application/pdf,.jpg,.jpeg,.png,.gif,.webp,.pdf";

export function FilesField({ id, files, onFiles, problem, onProblem, error }: {
  id: string;
  files: File[];
  onFiles: (files: File[]) => void;
  /** What was wrong with the files chosen last (said at the field until the next choice). */
  problem: MessageKey | null;
  onProblem: (problem: MessageKey | null) => void;
  /** The server's refusal of a file, in words. */
  error?: string;
}) {
  const { t, locale } = useI18n();
  const shown = error ?? (problem ? t(problem) : undefined);
  const full = files.length >= MOST_FILES;
  return (
    <div class={shown ? "field invalid files-field" : "field files-field"}>
      <label for={id}>{t("messageFilesLabel")}</label>
      <p id={`${id}-hint`} class="hint">{t("messageFilesHint")}</p>
      {files.length > 0 && (
        <ul class="chosen-files" aria-label={t("messageFilesChosen")}>
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`} class="chosen-file" data-testid="chosen-file">
              <span class="file-name">{f.name}</span>
              <span class="hint file-size">{fileSize(f.size, locale)}</span>
              <button type="button" class="button small" onClick={() => { onFiles(files.filter((_, j) => j !== i)); onProblem(null); }}>
                {t("messageFileRemove")}<span class="visually-hidden"> {f.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* The input stays in the document (focus moves to it on a problem); it is hidden once 3 are chosen. */}
      {/* The browser's own button speaks the browser's language: the one shown is the portal's,
          with the input laid over it (it takes the clicks, the taps and the focus). */}
      <div class={full ? "file-picker visually-hidden" : "file-picker"}>
        <span class="button" aria-hidden="true">{t(files.length ? "messageFilesMore" : "messageFilesChoose")}</span>
        <input id={id} type="file" multiple accept={ACCEPT}
          disabled={full} aria-invalid={shown ? "true" : undefined}
          aria-describedby={shown ? `${id}-hint ${id}-error` : `${id}-hint`}
          onChange={(e) => {
            const input = e.currentTarget;
            const chosen = addFiles(files, [...(input.files ?? [])]);
            onFiles(chosen.files);
            onProblem(chosen.problem);
            input.value = ""; // the same file may be chosen again after removing it
          }} />
      </div>
      {full && <p class="hint">{t("messageFilesFull")}</p>}
      {shown && <p id={`${id}-error`} class="field-error">{shown}</p>}
    </div>
  );
}
