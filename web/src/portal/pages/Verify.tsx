// The link in the registration email: the customer chooses a password and is signed in.
import { LinkPasswordForm } from "../components/LinkPasswordForm";
import { verifyEmail } from "../authApi";
import type { Me } from "../types";

export function Verify({ token, onSignedIn }: { token: string; onSignedIn: (me: Me, to: string) => void }) {
  return (
    <LinkPasswordForm token={token} title="verifyTitle" intro="verifyIntro" button="verifyButton"
      againHref="/register" againLabel="registerAgainLink"
      submit={async (t, password) => onSignedIn(await verifyEmail(t, password), "/")} />
  );
}
