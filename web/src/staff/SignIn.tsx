import { useEffect, useState } from "preact/hooks";
import { ApiError, signIn } from "./api";
import type { Staff } from "./api";
import { Field, focusField } from "./Field";
import { checkSignIn, cleanCode, firstError, hasErrors } from "./forms";
import type { FieldErrors } from "./forms";
import { signInProblem } from "./problems";

const FIELDS = ["email", "password", "code"] as const;
const id = (f: string) => `signin-${f}`;

interface Props {
  /** The last user's email, after their session ended: only the password and code to type. */
  email: string;
  onSignedIn: (me: Staff) => void;
  /** The page's alert region (ProblemAlert); null clears it. */
  onProblem: (e: ApiError | null) => void;
}

/**
 * Email, password and the authenticator's code (or a recovery code) in one form. The server sets
 * the session cookie; a code that is missing or wrong (401 mfa-required) is said at the code field.
 */
export function SignIn({ email: lastEmail, onSignedIn, onProblem }: Props) {
  const [email, setEmail] = useState(lastEmail);
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    focusField(id(lastEmail ? "password" : "email"));
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found = checkSignIn(email, password, code);
    setErrors(found);
    onProblem(null);
    if (hasErrors(found)) {
      focusField(id(firstError(found, FIELDS)!));
      return;
    }
    setBusy(true);
    try {
      const me = await signIn(email.trim(), password, cleanCode(code));
      onSignedIn(me);
      return; // this form is gone
    } catch (err) {
      const problem =
        err instanceof ApiError
          ? err
          : new ApiError({ type: "about:blank", title: "Unexpected error", status: 0, detail: String(err) });
      if (signInProblem(problem) === "code") {
        setCode(""); // a wrong code will not come right; the next one will
        setErrors({ code: problem.detail });
        focusField(id("code"));
      } else {
        onProblem(problem);
      }
    }
    setBusy(false);
  };

  return (
    <section class="panel sign-in" aria-labelledby="signin-heading">
      <h1 id="signin-heading">Sign in</h1>
      <form onSubmit={submit} noValidate>
        <Field id={id("email")} label="Email" type="email" autocomplete="username" value={email}
          onValue={setEmail} error={errors.email} />
        <Field id={id("password")} label="Password" type="password" autocomplete="current-password"
          value={password} onValue={setPassword} error={errors.password} />
        <Field id={id("code")} label="Code from your authenticator app" autocomplete="one-time-code"
          inputMode="numeric" maxLength={20} value={code} onValue={setCode} error={errors.code}
          hint="The 6 digits the app shows now. Lost your phone? Type one of your recovery codes instead." />
        <button type="submit" aria-disabled={busy ? "true" : undefined}>{busy ? "Signing in…" : "Sign in"}</button>
      </form>
    </section>
  );
}
