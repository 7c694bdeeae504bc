// The rate plans (GET /api/v1/staff/rate-plans): each with its commodity and customer class, the
// last day billed on it, and its tariff's name and number of versions; a plan's code opens its page.
import { codeLabel } from "./labels";
import { billedThroughWords } from "./tariffs";
import type { RatePlan } from "./tariffs";
import { tariffsHash } from "./tariffsRoute";
import type { Loaded } from "./useResource";
import { WhenLoaded } from "./Section";
import { ScreenHeading } from "./WorkParts";

export function RatePlanList({ plans }: { plans: Loaded<RatePlan[]> }) {
  return (
    <section aria-labelledby="work-heading">
      <ScreenHeading>Tariffs</ScreenHeading>
      <p class="hint area-about">
        Each rate plan bills with its tariff: a schedule of rates in versions, each in force from its date. Open a plan to see its
        versions, download them, and preview a new tariff's effect on the plan's latest bills before it is stored.
      </p>
      <WhenLoaded what="the rate plans" resource={plans.resource} onRetry={plans.reload}>
        {(list) => (list.length === 0 ? <p>No rate plans.</p> : <PlanTable plans={list} />)}
      </WhenLoaded>
    </section>
  );
}

function PlanTable({ plans }: { plans: RatePlan[] }) {
  return (
    <div class="table-wrap panel">
      <table class="data-table rate-plans" data-testid="rate-plan-list">
        <caption>Rate plans</caption>
        <thead>
          <tr>
            <th scope="col">Plan</th>
            <th scope="col">Name</th>
            <th scope="col">Commodity</th>
            <th scope="col">Customer class</th>
            <th scope="col">Billed through</th>
            <th scope="col">Tariff</th>
            <th scope="col" class="num">Versions</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((p) => (
            <tr key={p.code} data-code={p.code}>
              <th scope="row"><a href={tariffsHash(p.code)}><code>{p.code}</code></a></th>
              <td>{p.name}</td>
              <td>{codeLabel(p.commodity)}</td>
              <td>{codeLabel(p.customer_class)}</td>
              <td>{p.billed_through ? <time dateTime={p.billed_through}>{billedThroughWords(p)}</time> : billedThroughWords(p)}</td>
              <td>{p.tariff ? `${p.tariff.name} (${p.tariff.unit})` : <span class="explain-inline">None yet</span>}</td>
              <td class="num" data-testid="plan-versions">{p.tariff ? p.tariff.versions.length : 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
