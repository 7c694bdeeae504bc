import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, asApiError, downloadAuditCsv, isAbort } from "./api";
import type { AuditFilters } from "./route";
import { downloadProblem, saveFile } from "./download";
import { ConfirmIdentity, useIdentityCheck } from "./ConfirmIdentity";

interface Props {
  /** The filters of the records shown: the file has every record they match. */
  filters: AuditFilters;
  /** The page's alert region (ProblemAlert); null clears it. */
  onProblem: (e: ApiError | null) => void;
  /** A refused or failed request: the console signs out on a 401, else says it in the alert. */
  onFail: (e: unknown) => void;
}

const BUTTON_ID = "audit-csv-button";

/**
 * "Download CSV": the file is asked for with the session cookie and saved from the page. The
 * server wants a recent sign-in for it (audit.export): when it answers 403
 * reauthentication-required, the user confirms it is them (ConfirmIdentity: a password and a
 * code), and the file is asked for again.
 */
export function AuditCsv({ filters, onProblem, onFail }: Props) {
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState("");
  const identity = useIdentityCheck();
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const download = async () => {
    const ctl = new AbortController();
    abort.current = ctl;
    setBusy(true);
    setSaved("");
    onProblem(null);
    try {
      const file = await downloadAuditCsv(filters, ctl.signal);
      saveFile(file);
      setSaved(`Downloaded ${file.filename}.`);
    } catch (err) {
      if (isAbort(err)) return;
      const problem = asApiError(err);
      if (downloadProblem(problem) !== "confirm" || !identity.intercept(problem, "download", () => void download())) {
        identity.close();
        onFail(problem);
      }
    }
    setBusy(false);
  };

  return (
    <>
      <button type="button" class="secondary csv" id={BUTTON_ID} aria-describedby="audit-csv-hint"
        aria-disabled={busy ? "true" : undefined} onClick={() => void (busy ? undefined : download())}>
        {busy ? "Downloading…" : "Download CSV"}
      </button>
      <span id="audit-csv-hint" class="visually-hidden">A file of every record these filters match, older ones included.</span>
      <p role="status" class="csv-status" data-testid="audit-csv-status">{saved}</p>
      {identity.pending && (
        <ConfirmIdentity pending={identity.pending} onClose={identity.close} onSessionEnded={onFail}
          returnFocus={BUTTON_ID} />
      )}
    </>
  );
}
