// Service agreements and their meters, from the account answer.
import type { Agreement } from "./api";
import { formatDate } from "../shared/format";
import { AddressLines } from "./AccountHeader";
import { Section } from "./Section";

function AgreementItem({ ag }: { ag: Agreement }) {
  return (
    <li>
      <h3>
        <span class="commodity">{ag.commodity}</span> service — {ag.rate_plan.name}
      </h3>
      <dl class="facts">
        <dt>Service address</dt>
        <dd><AddressLines a={ag.service_address} /></dd>
        <dt>Rate plan</dt>
        <dd>{ag.rate_plan.name} <span class="nowrap">({ag.rate_plan.code})</span></dd>
        <dt>Dates</dt>
        <dd>
          {formatDate(ag.start_date)} – {ag.end_date ? formatDate(ag.end_date) : "present"}
        </dd>
      </dl>
      {ag.meters.length > 0 ? (
        <ul class="meters" aria-label={`Meters on agreement ${ag.id}`}>
          {ag.meters.map((m) => (
            <li key={m.serial}>
              Meter <strong>{m.serial}</strong> ({m.kind.toUpperCase()}; {m.channels.join(", ")}),
              installed {formatDate(m.installed_on)}
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">No meter installed.</p>
      )}
    </li>
  );
}

export function AgreementsSection({ agreements }: { agreements: Agreement[] }) {
  return (
    <Section id="agreements" title="Service agreements" wide>
      {agreements.length > 0 ? (
        <ul class="agreements">
          {agreements.map((ag) => <AgreementItem key={ag.id} ag={ag} />)}
        </ul>
      ) : (
        <p class="hint">No service agreements.</p>
      )}
    </Section>
  );
}
