import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, asApiError, downloadAuditCsv, isAbort, reauthenticate } from "./api";
import type { DownloadedFile } from "./api";
import { Field, focusField } from "./Field";
import { checkReauthentication, cleanCode, firstError, hasErrors } from "./forms";
import type { FieldErrors } from "./forms";
import type { AuditFilters } from "./route";
import { downloadProblem } from "./download";
import { reauthProblem } from "./problems";

interface Props {
  /** The filters of the records shown: the file has every record they match. */
  filters: AuditFilters;
  /** The page's alert region (ProblemAlert); null clears it. */
  onProblem: (e: ApiError | null) => void;
  /** A refused or failed request: the console signs out on a 401, else says it in the alert. */
  onFail: (e: unknown) => void;
}

const FIELDS = ["password", "code"] as const;
const id = (f: string) => `audit-confirm-${f}`;

/**
 * Saves a file the page holds: a link to it (a blob: URL, which the page's CSP allows a link to
 * download) clicked from code, then let go.
 */
function save({ blob, filename }: DownloadedFile) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000); // some browsers read it after the click
}

/**
 * "Download CSV": the file is asked for with the session cookie and saved from the page. The
 * server wants a recent sign-in for it (audit.export): when it answers 403
 * reauthentication-required, the user confirms it is them here (password and a code), and the
 * file is asked for again.
 */
export function AuditCsv({ filters, onProblem, onFail }: Props) {
  const [busy, setBusy] = useState<"download" | "confirm" | null>(null);
  // 0: no form; a new number opens it, or (open already) takes the user back to its first field.
  const [asked, setAsked] = useState(0);
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState("");
  const button = useRef<HTMLButtonElement>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  // The form opens with the password field focused.
  useEffect(() => {
    if (asked > 0) focusField(id("password"));
  }, [asked]);

  /** Closes the form (if open) and gives focus back to the button. */
  const close = () => {
    setAsked(0);
    setPassword("");
    setCode("");
    setErrors({});
    button.current?.focus();
  };

  const download = async () => {
    const ctl = new AbortController();
    abort.current = ctl;
    setBusy("download");
    setSaved("");
    onProblem(null);
    try {
      const file = await downloadAuditCsv(filters, ctl.signal);
      save(file);
      setSaved(`Downloaded ${file.filename}.`);
    } catch (err) {
      if (isAbort(err)) return;
      const problem = asApiError(err);
      if (downloadProblem(problem) === "confirm") {
        setErrors({});
        setAsked((n) => n + 1);
      } else {
        if (asked > 0) close(); // else focus stays where the user left it
        onFail(problem);
      }
    }
    setBusy(null);
  };

  const confirm = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found = checkReauthentication(password, code);
    setErrors(found);
    onProblem(null);
    if (hasErrors(found)) {
      focusField(id(firstError(found, FIELDS)!));
      return;
    }
    setBusy("confirm");
    try {
      await reauthenticate(password, cleanCode(code));
    } catch (err) {
      setBusy(null);
      const problem = asApiError(err);
      const where = reauthProblem(problem);
      if (where === "password" || where === "code") {
        if (where === "code") setCode(""); // a wrong code will not come right; the next one will
        setErrors({ [where]: problem.detail });
        focusField(id(where));
      } else {
        onFail(problem);
      }
      return;
    }
    close();
    await download();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape" && !busy) {
      e.preventDefault();
      close();
    }
  };

  return (
    <>
      <button type="button" class="secondary csv" ref={button} aria-describedby="audit-csv-hint"
        aria-disabled={busy ? "true" : undefined} onClick={() => void (busy ? undefined : download())}>
        {busy === "download" ? "Downloading…" : "Download CSV"}
      </button>
      <span id="audit-csv-hint" class="visually-hidden">A file of every record these filters match, older ones included.</span>
      <p role="status" class="csv-status" data-testid="audit-csv-status">{saved}</p>
      {asked > 0 && (
        <form class="panel confirm-identity" aria-labelledby="audit-confirm-heading" aria-describedby="audit-confirm-why"
          onSubmit={confirm} onKeyDown={onKeyDown} noValidate>
          <h2 id="audit-confirm-heading">Confirm it is you</h2>
          <p id="audit-confirm-why" class="hint">
            Downloading the audit trail needs your password and a code from your authenticator app once every 5 minutes.
          </p>
          <Field id={id("password")} label="Password" type="password" autocomplete="current-password"
            value={password} onValue={setPassword} error={errors.password} />
          <Field id={id("code")} label="Code from your authenticator app" autocomplete="one-time-code"
            inputMode="numeric" maxLength={20} value={code} onValue={setCode} error={errors.code}
            hint="The 6 digits the app shows now." />
          <div class="form-actions">
            <button type="submit" aria-disabled={busy ? "true" : undefined}>
              {busy === "confirm" ? "Confirming…" : "Confirm and download"}
            </button>
            <button type="button" class="secondary" onClick={close}>Cancel</button>
          </div>
        </form>
      )}
    </>
  );
}
