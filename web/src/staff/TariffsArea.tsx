// The tariff screens, under Settings (billing.read): the rate plans (#/settings/tariffs) and one
// plan's page (#/settings/tariffs/{code}: its versions, a version's content, a new tariff previewed
// and, with tariffs.change, stored). The plans are asked for once when the screens open and again
// after a tariff is stored. Its code and its styles load when first opened (App.tsx).
import "./tariffs.css";
import type { ApiError, Staff } from "./api";
import { SETTINGS_HASH } from "./route";
import { TARIFFS_CHANGE_PERMISSION, TARIFFS_PERMISSION, tariffsHash } from "./tariffsRoute";
import { fetchRatePlans } from "./tariffsApi";
import { useResource } from "./useResource";
import { ScreenHeading } from "./WorkParts";
import { RatePlanList } from "./RatePlanList";
import { RatePlanScreen } from "./RatePlanScreen";

export function TariffsArea({ code, me, onSessionEnded }: { code: string | null; me: Staff; onSessionEnded: (e: ApiError) => void }) {
  if (!me.permissions.includes(TARIFFS_PERMISSION)) {
    return (
      <section class="tariffs-area" aria-labelledby="work-heading">
        <ScreenHeading>Tariffs</ScreenHeading>
        <p class="alert">
          <strong>Not open to you.</strong>
          <span class="detail">The tariffs need the permission {TARIFFS_PERMISSION}, which your roles do not give.</span>
        </p>
      </section>
    );
  }
  return <Tariffs code={code} canStore={me.permissions.includes(TARIFFS_CHANGE_PERMISSION)} onSessionEnded={onSessionEnded} />;
}

function Tariffs({ code, canStore, onSessionEnded }: { code: string | null; canStore: boolean; onSessionEnded: (e: ApiError) => void }) {
  const plans = useResource(fetchRatePlans, "rate-plans", onSessionEnded);
  return (
    <div class="tariffs-area">
      <nav class="breadcrumbs" aria-label="Where you are">
        <ol>
          <li><a href={SETTINGS_HASH}>Settings</a></li>
          <li><a href={tariffsHash()} aria-current={code === null ? "page" : undefined}>Tariffs</a></li>
          {code !== null && <li><a href={tariffsHash(code)} aria-current="page">{code}</a></li>}
        </ol>
      </nav>
      {code === null ? (
        <RatePlanList plans={plans} />
      ) : (
        <RatePlanScreen key={code} code={code} plans={plans} canStore={canStore} onSessionEnded={onSessionEnded} />
      )}
    </div>
  );
}
