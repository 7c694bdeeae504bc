import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, asApiError, confirmEnrolment, startEnrolment } from "./api";
import type { EnrolDone, EnrolStart, Staff } from "./api";
import { Field, focusField } from "./Field";
import { MIN_PASSWORD_LENGTH, checkEnrolCode, checkNewPassword, cleanCode, firstError, hasErrors } from "./forms";
import type { FieldErrors } from "./forms";
import { groupSecret, svgDataUrl } from "./labels";
import { LINK_EXPIRED, enrolProblem } from "./problems";

type Step = "password" | "app" | "codes" | "expired";

interface Props {
  /** From the one-time link (#/enrol/{token}); only in memory, and only while this page is open. */
  token: string;
  /** The page's alert region (ProblemAlert); null clears it. */
  onProblem: (e: ApiError | null) => void;
  /** Signed in and the recovery codes shown: on to the console. */
  onDone: (me: Staff) => void;
}

/**
 * First sign-in, from the link an administrator got from `ratepayer staff add`: 1. choose a
 * password, 2. add the key to an authenticator app (QR code or typed) and type its code,
 * 3. the recovery codes, shown once. Confirming the code signs in.
 */
export function Enrol({ token, onProblem, onDone }: Props) {
  const [step, setStep] = useState<Step>("password");
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [app, setApp] = useState<EnrolStart | null>(null);
  const [done, setDone] = useState<EnrolDone | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);

  // Each new step's heading takes focus, so keyboard and screen-reader users start there.
  useEffect(() => {
    if (step === "password") focusField("enrol-password");
    else stepHeading.current?.focus();
  }, [step]);

  const refused = (e: unknown) => {
    const problem = asApiError(e);
    switch (enrolProblem(problem)) {
      case "expired":
        setStep("expired");
        onProblem(new ApiError({ ...problem, title: "Link expired", detail: LINK_EXPIRED, field: undefined }));
        break;
      case "password":
        setErrors({ password: problem.detail });
        focusField("enrol-password");
        break;
      case "code":
        setCode("");
        setErrors({ code: problem.detail });
        focusField("enrol-code");
        break;
      default:
        onProblem(problem);
    }
  };

  const choosePassword = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found = checkNewPassword(password, again);
    setErrors(found);
    onProblem(null);
    if (hasErrors(found)) {
      focusField(`enrol-${firstError(found, ["password", "again"])}`);
      return;
    }
    setBusy(true);
    try {
      setApp(await startEnrolment(token, password));
      setPassword("");
      setAgain("");
      setStep("app");
    } catch (err) {
      refused(err);
    }
    setBusy(false);
  };

  const confirmCode = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found = checkEnrolCode(code);
    setErrors(found);
    onProblem(null);
    if (hasErrors(found)) {
      focusField("enrol-code");
      return;
    }
    setBusy(true);
    try {
      setDone(await confirmEnrolment(token, cleanCode(code)));
      setApp(null); // the key is in the app now; not kept here
      setCode("");
      setStep("codes");
    } catch (err) {
      refused(err);
    }
    setBusy(false);
  };

  return (
    <section aria-labelledby="enrol-heading" class="enrol">
      <h1 id="enrol-heading">Set up your staff sign-in</h1>

      {step === "password" && (
        <section class="panel" aria-labelledby="enrol-step-heading">
          <h2 id="enrol-step-heading">Step 1 of 3: choose a password</h2>
          <form onSubmit={choosePassword} noValidate>
            <Field id="enrol-password" label="New password" type="password" autocomplete="new-password"
              value={password} onValue={setPassword} error={errors.password}
              hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a good one.`} />
            <Field id="enrol-again" label="New password again" type="password" autocomplete="new-password"
              value={again} onValue={setAgain} error={errors.again} />
            <button type="submit" aria-disabled={busy ? "true" : undefined}>
              {busy ? "Saving…" : "Continue"}
            </button>
          </form>
        </section>
      )}

      {step === "app" && app && (
        <section class="panel" aria-labelledby="enrol-step-heading">
          <h2 id="enrol-step-heading" tabIndex={-1} ref={stepHeading}>
            Step 2 of 3: add the console to your authenticator app
          </h2>
          <p>
            Signing in as <strong>{app.name}</strong> ({app.email}).
          </p>
          <div class="authenticator">
            <img class="qr" src={svgDataUrl(app.qr_svg)} width={192} height={192}
              alt="QR code for your authenticator app. The same key is written out beside it." />
            <div>
              <p>Scan the QR code with your authenticator app, or add an account in the app and type this key:</p>
              <p>
                <code class="secret" data-testid="totp-secret">{groupSecret(app.totp_secret)}</code>
              </p>
              <p class="hint">Spaces do not matter. The key is time-based (TOTP).</p>
            </div>
          </div>
          <form onSubmit={confirmCode} noValidate>
            <Field id="enrol-code" label="Code from the app" autocomplete="one-time-code" inputMode="numeric"
              maxLength={7} value={code} onValue={setCode} error={errors.code}
              hint="The 6 digits the app shows for this account now." />
            <button type="submit" aria-disabled={busy ? "true" : undefined}>
              {busy ? "Checking…" : "Confirm code"}
            </button>
          </form>
        </section>
      )}

      {step === "codes" && done && (
        <section class="panel" aria-labelledby="enrol-step-heading">
          <h2 id="enrol-step-heading" tabIndex={-1} ref={stepHeading}>
            Step 3 of 3: keep your recovery codes
          </h2>
          <p>
            <strong>Keep these somewhere safe; each works once if you lose your phone.</strong> They
            are shown only now. Type one where the sign-in asks for the code from the app.
          </p>
          <ol class="recovery-codes" aria-label="Recovery codes" data-testid="recovery-codes">
            {done.recovery_codes.map((c) => (
              <li key={c}><code>{c}</code></li>
            ))}
          </ol>
          <button type="button" onClick={() => onDone(done)}>Continue to the console</button>
        </section>
      )}

      {step === "expired" && (
        <p>
          <a href="#/">Go to the sign-in page</a>
        </p>
      )}
    </section>
  );
}
