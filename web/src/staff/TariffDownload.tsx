// "Download": a plan's tariff, or one version of it as a file of its own, asked for with the session
// cookie and saved from the page under the server's name for it (download.ts), as the audit
// trail's CSV is. What it saved, or why it could not, the page says in one place for all of them.
import { useState } from "preact/hooks";
import { asApiError, isAbort } from "./api";
import type { ApiError } from "./api";
import { saveFile } from "./download";
import { downloadTariff } from "./tariffsApi";

export function TariffDownload({ code, effective, label, what, testId, onSaved, onFailed }: {
  code: string;
  /** The version's effective date; none for the whole tariff. */
  effective?: string;
  /** The button's words: "Download". */
  label: string;
  /** Read out after the label, for a button among many: "the 2026 rates version". */
  what?: string;
  testId?: string;
  onSaved: (filename: string) => void;
  onFailed: (problem: ApiError) => void;
}) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const file = await downloadTariff(code, effective);
      saveFile(file);
      onSaved(file.filename);
    } catch (e) {
      if (!isAbort(e)) onFailed(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" class="secondary small" aria-disabled={busy ? "true" : undefined} data-testid={testId}
      onClick={() => void download()}>
      {busy ? "Downloading…" : label}
      {what && <span class="visually-hidden"> {what}</span>}
    </button>
  );
}
