// One version of a tariff, in words (tariffs.ts reads it): its fixed charges, energy rates by period
// and tier, demand charges and ratchet, minimum charges, riders, taxes and holidays. What is not put
// in words (the schedules of time-of-use hours, a part the console does not know) is shown as JSON,
// and so is the whole version, under a disclosure of its own.
import { Fragment } from "preact";
import type { ComponentChildren } from "preact";
import { formatDate } from "../shared/format";
import {
  fixedChargeRows,
  jsonParts,
  minimumRows,
  monthsWords,
  periodName,
  ratchetWords,
  riderRows,
  taxRows,
  tierRows,
  versionName,
} from "./tariffs";
import type { TariffPeriod, TariffVersion } from "./tariffs";

export function TariffVersionView({ version: v, unit, inForce }: { version: TariffVersion; unit: string; inForce: string }) {
  const fixed = fixedChargeRows(v);
  const riders = riderRows(v, unit);
  const taxes = taxRows(v, unit);
  const minimums = minimumRows(v);
  const ratchet = ratchetWords(v);
  const others = jsonParts(v);
  const daily = v.energy?.tier_basis === "daily";
  return (
    <section class="panel tariff-version" aria-labelledby="tariff-version-heading" data-testid="tariff-version" data-effective={v.effective}>
      <h2 id="tariff-version-heading">{versionName(v)}</h2>
      <p class="hint">In force: {inForce || `from ${formatDate(v.effective)}`}. Amounts are in dollars; usage in {unit}.</p>

      <Part title="Fixed charges" empty="No fixed charges." has={fixed.length > 0}>
        <table class="data-table tariff-table" data-testid="fixed-charges">
          <thead>
            <tr><th scope="col">Charge</th><th scope="col" class="num">Amount</th><th scope="col">Applies to</th></tr>
          </thead>
          <tbody>
            {fixed.map((c, i) => (
              <tr key={i}>
                <th scope="row">{c.description}</th>
                <td class="num">{c.amount}</td>
                <td>{c.applies ?? "Every account"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Part>

      <Part title="Energy charges" empty="No energy charges." has={(v.energy?.periods?.length ?? 0) > 0}>
        <p class="hint">
          {daily ? "Tier bounds are per day of the billing period (a baseline allowance)." : "Tier bounds are per billing month, prorated by days for part of a month."}
          {(v.energy?.periods?.length ?? 0) > 1 && " Which hours are in which period is the energy schedule, below."}
        </p>
        {(v.energy?.periods ?? []).map((p, i) => (
          <TierTable key={i} period={p} index={i} unit={unit} basis={daily ? "daily" : "monthly"} testId="energy-period" />
        ))}
      </Part>

      {(v.tou_demand?.periods?.length ?? 0) > 0 && (
        <Part title="Demand charges by time of use" has>
          <p class="hint">Each demand period's own peak, in kW. Which hours are in which period is the demand schedule, below.</p>
          {v.tou_demand!.periods.map((p, i) => (
            <TierTable key={i} period={p} index={i} unit={unit} basis="demand" />
          ))}
        </Part>
      )}

      {(v.flat_demand?.periods?.length ?? 0) > 0 && (
        <Part title="Demand charges on the month's peak" has>
          {v.flat_demand!.periods.map((p, i) => (
            <TierTable key={i} period={p} index={i} unit={unit} basis="demand" months={monthsWords(p.months)} />
          ))}
          {ratchet && <p data-testid="ratchet">{ratchet}</p>}
        </Part>
      )}

      {minimums.length > 0 && (
        <Part title="Minimum charges" has>
          <dl class="facts">
            {minimums.map(([what, amount]) => (
              <Fragment key={what}>
                <dt>{what}</dt>
                <dd>{amount}</dd>
              </Fragment>
            ))}
          </dl>
        </Part>
      )}

      <Part title="Riders" empty="No riders." has={riders.length > 0}>
        <ul class="tariff-list" data-testid="riders">
          {riders.map((r, i) => (
            <li key={i}>
              <strong>{r.description}</strong>
              {r.values.length > 0 ? (
                <ul>{r.values.map((value, j) => <li key={j}>{value}</li>)}</ul>
              ) : <span class="explain-inline"> (no values)</span>}
            </li>
          ))}
        </ul>
      </Part>

      <Part title="Taxes and fees" empty="No taxes or fees." has={taxes.length > 0}>
        <table class="data-table tariff-table" data-testid="taxes">
          <thead>
            <tr><th scope="col">Tax or fee</th><th scope="col">What it is</th></tr>
          </thead>
          <tbody>
            {taxes.map((t, i) => (
              <tr key={i}>
                <th scope="row">{t.description}</th>
                <td>{t.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="hint">Applied in this order; tax-exempt accounts get none.</p>
      </Part>

      {(v.holidays?.length ?? 0) > 0 && (
        <Part title="Holidays (rated as weekends)" has>
          <ul class="holiday-list read-only">
            {v.holidays!.map((d) => <li key={d}><time dateTime={d}>{formatDate(d)}</time></li>)}
          </ul>
        </Part>
      )}

      {others.map((o) => (
        <details key={o.title} class="tariff-json">
          <summary>{o.title} (as JSON)</summary>
          <pre class="setting-json">{o.json}</pre>
        </details>
      ))}
      <details class="tariff-json" data-testid="version-json">
        <summary>The whole version as JSON</summary>
        <pre class="setting-json">{JSON.stringify(v, null, 2)}</pre>
      </details>
    </section>
  );
}

function Part({ title, empty, has, children }: { title: string; empty?: string; has: boolean; children: ComponentChildren }) {
  return (
    <div class="tariff-part">
      <h3>{title}</h3>
      {has ? children : <p class="explain-inline">{empty}</p>}
    </div>
  );
}

function TierTable({ period, index, unit, basis, months, testId }: {
  period: TariffPeriod;
  index: number;
  unit: string;
  basis: "monthly" | "daily" | "demand";
  /** Flat demand: the months the period applies in. */
  months?: string;
  testId?: string;
}) {
  const rows = tierRows(period.tiers ?? [], unit, basis);
  const name = periodName(period, index);
  return (
    <table class="data-table tariff-table tier-table" data-testid={testId}>
      <caption>{months ? `${name} (${months})` : name}</caption>
      <thead>
        <tr><th scope="col">{basis === "demand" ? "Demand" : "Usage"}</th><th scope="col" class="num">Rate</th></tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            <th scope="row">{r.range}</th>
            <td class="num">{r.rate}{r.adjustment && <span class="explain">{r.adjustment}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
