// "Upload a new tariff" on a rate plan's page: a tariff file chosen (its text goes into the box,
// where it can be read or changed) or its JSON pasted; first "Preview" (POST .../tariff/preview:
// the sample of the plan's latest bills rated with it, and whether storing it would be refused),
// then "Store this tariff" (PUT .../tariff), open only for the very text previewed and only to a
// user with tariffs.change. Storing wants a sign-in from the last 5 minutes (ConfirmIdentity); the
// server's refusal (a change reaching back into billed days, a file that does not read) is said
// above the button. A file the server cannot read is said at the text when previewing.
import { useRef, useState } from "preact/hooks";
import type { ApiError } from "./api";
import { asSentence } from "./labels";
import { checkTariffText, mayStore, storeWaitsFor } from "./tariffs";
import type { RatePlan, TariffPreview } from "./tariffs";
import { PREVIEW_SAMPLE, previewTariff, storeTariff } from "./tariffsApi";
import { TARIFFS_CHANGE_PERMISSION } from "./tariffsRoute";
import { useActionForm } from "./useActionForm";
import { ActionProblem, describedBy } from "./ActionParts";
import { ConfirmIdentity, useIdentityCheck } from "./ConfirmIdentity";
import { headingId } from "./Section";
import { focusSoon } from "./WorkParts";
import { PREVIEW_HEADING_ID, TariffPreviewView } from "./TariffPreviewView";

const TEXT_ID = "tariff-text";
const FILE_ID = "tariff-file";
const STORE_ID = "tariff-store";

export function TariffUpload({ plan, canStore, onStored, onSessionEnded }: {
  plan: RatePlan;
  canStore: boolean;
  /** Stored: the plan as the server has it now. */
  onStored: (plan: RatePlan) => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  const [text, setText] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  // The last preview and the exact text it was of.
  const [previewed, setPreviewed] = useState<{ text: string; answer: TariffPreview } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const identity = useIdentityCheck();
  const preview = useActionForm({
    fields: ["tariff"],
    fieldId: () => TEXT_ID,
    onSessionEnded,
    // A file the server cannot read (422, naming the JSON path at fault) is said at the text.
    onRefused: (e) => {
      if (e.status !== 422) return false;
      preview.check({ tariff: asSentence(e.field && !e.detail.startsWith(e.field) ? `${e.field}: ${e.detail}` : e.detail) });
      return true;
    },
  });
  const store = useActionForm({
    fields: [],
    fieldId: () => STORE_ID,
    onSessionEnded,
    onRefused: (e, again) => identity.intercept(e, "store the tariff", again),
  });
  const busy = preview.busy || store.busy;
  const textError = fileError ?? preview.errors.tariff;

  const edit = (next: string) => {
    preview.changed();
    if (preview.errors.tariff) preview.check({});
    setFileError(null);
    setText(next);
  };

  const chooseFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      edit(await file.text());
    } catch {
      setFileError(`${file.name} could not be read. Choose it again, or paste its text.`);
    }
  };

  const submitPreview = (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const sent = text;
    void preview.submit(checkTariffText(sent), () => previewTariff(plan.code, sent), (answer) => {
      setPreviewed({ text: sent, answer });
      focusSoon(PREVIEW_HEADING_ID);
    });
  };

  const may = mayStore(previewed?.text ?? null, text);
  const waits = storeWaitsFor(previewed?.text ?? null, text);
  const submitStore = () => {
    if (busy || !may) return;
    const sent = text;
    void store.submit({}, () => storeTariff(plan.code, sent), (answer) => {
      setText("");
      setPreviewed(null);
      if (fileInput.current) fileInput.current.value = "";
      onStored(answer);
    });
  };

  const hintId = `${TEXT_ID}-hint`;
  return (
    <section class="panel tariff-upload" aria-labelledby={headingId("tariff-upload")} data-testid="tariff-upload">
      <h2 id={headingId("tariff-upload")}>Upload a new tariff</h2>
      <form class="tariff-form" aria-labelledby={headingId("tariff-upload")} onSubmit={submitPreview} noValidate>
        <p class="hint intro">
          A tariff file in Ratepayer's format (docs/tariffs.md), with every version the plan is to have: download the whole tariff,
          add a version, and upload it. The preview rates up to {PREVIEW_SAMPLE} of the plan's latest bills with it and changes
          nothing.
        </p>
        <div class="field">
          <label for={FILE_ID}>Tariff file</label>
          <input type="file" id={FILE_ID} ref={fileInput} accept=".json,application/json" aria-describedby={`${FILE_ID}-hint`}
            onChange={(e) => void chooseFile(e.currentTarget)} />
          <p id={`${FILE_ID}-hint`} class="hint">Its text goes into the box below, where it can be read or changed.</p>
        </div>
        <div class={textError ? "field invalid" : "field"}>
          <label for={TEXT_ID}>Tariff (JSON)</label>
          <textarea id={TEXT_ID} class="code-text" rows={14} spellcheck={false} value={text} autocomplete="off"
            aria-invalid={textError ? "true" : undefined} aria-describedby={describedBy(TEXT_ID, textError, hintId)}
            onInput={(e) => edit(e.currentTarget.value)} />
          <p id={hintId} class="hint">Or paste the tariff's JSON here.</p>
          {textError && <p id={`${TEXT_ID}-error`} class="field-error">{textError}</p>}
        </div>
        <ActionProblem what="Could not preview the tariff." problem={preview.problem} />
        <div class="form-actions">
          <button type="submit" aria-disabled={busy ? "true" : undefined}>{preview.busy ? "Previewing…" : "Preview"}</button>
        </div>
      </form>

      {previewed && <TariffPreviewView preview={previewed.answer} stale={previewed.text !== text} />}

      {canStore ? (
        <div class="tariff-store">
          <p id={`${STORE_ID}-hint`} class="hint" data-testid="store-hint">
            {waits ?? "Storing puts this tariff on the plan: bill runs from now on rate with it."}
          </p>
          <ActionProblem what="Could not store the tariff." problem={store.problem} />
          <div class="form-actions">
            <button type="button" id={STORE_ID} aria-disabled={!may || busy ? "true" : undefined} aria-describedby={`${STORE_ID}-hint`}
              onClick={submitStore}>
              {store.busy ? "Storing…" : "Store this tariff"}
            </button>
          </div>
          {identity.pending && (
            <ConfirmIdentity pending={identity.pending} onClose={identity.close} onSessionEnded={onSessionEnded} returnFocus={STORE_ID} />
          )}
        </div>
      ) : (
        <p class="hint" data-testid="store-not-open">
          Storing a tariff needs the permission {TARIFFS_CHANGE_PERMISSION}, which your roles do not give; the preview shows what it
          would do.
        </p>
      )}
    </section>
  );
}
