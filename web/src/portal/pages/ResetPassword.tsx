// The link in the password reset email: choose a new password, then sign in with it.
import { LinkPasswordForm } from "../components/LinkPasswordForm";
import { confirmPasswordReset } from "../authApi";

export function ResetPassword({ token, onReset }: { token: string; onReset: () => void }) {
  return (
    <LinkPasswordForm token={token} title="resetTitle" button="resetButton"
      againHref="/forgot-password" againLabel="resetAgainLink"
      submit={async (t, password) => {
        await confirmPasswordReset(t, password);
        onReset();
      }} />
  );
}
