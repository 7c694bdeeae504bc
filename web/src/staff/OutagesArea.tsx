// The outage console (#/outages, accounts.read): the main screen (where staff with outages.manage
// also open an outage by hand), or one outage. Its code loads
// when first opened (App.tsx).
import type { ApiError, Staff } from "./api";
import { OUTAGES_MANAGE_PERMISSION, OUTAGES_PERMISSION } from "./outages";
import { OutagesScreen } from "./OutagesScreen";
import { OutageView } from "./OutageView";

export function OutagesArea({ number, me, onSessionEnded }: { number: string | null; me: Staff; onSessionEnded: (e: ApiError) => void }) {
  if (!me.permissions.includes(OUTAGES_PERMISSION)) {
    return (
      <section aria-labelledby="outages-heading">
        <h1 id="outages-heading">Outages</h1>
        <p class="alert">
          <strong>Not open to you.</strong>
          <span class="detail">The outage console needs the permission {OUTAGES_PERMISSION}, which your roles do not give.</span>
        </p>
      </section>
    );
  }
  return number ? <OutageView number={number} me={me} onSessionEnded={onSessionEnded} /> : (
    <OutagesScreen canOpen={me.permissions.includes(OUTAGES_MANAGE_PERMISSION)} onSessionEnded={onSessionEnded} />
  );
}
