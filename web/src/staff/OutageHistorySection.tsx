// The account page's Outages: the outages the account's homes were in, newest first (GET
// /api/v1/accounts/{n}/outage-history), each a link to the outage console's view of it, with its
// status, cause, when it began and ended, the home and how many reports came from the account. A
// server without the route (404) has no section.
import type { ApiError } from "./api";
import { fetchOutageHistory } from "./outagesApi";
import { causeWords, newestFirst, outagesHash, statusWords } from "./outages";
import type { PastOutage } from "./outages";
import { formatInstantIn } from "./localTime";
import { useUtilityZone } from "./useUtilityZone";
import { useResource } from "./useResource";
import type { Loaded } from "./useResource";
import { Section, WhenLoaded } from "./Section";

export type OutageHistory = Loaded<PastOutage[] | null>;

export function useOutageHistory(account: string, onSessionEnded: (e: ApiError) => void): OutageHistory {
  return useResource((signal) => fetchOutageHistory(account, signal), `outage-history-${account}`, onSessionEnded);
}

/** The server has no outage history for accounts (404): the page has no section for it. */
export function outageHistoryAbsent(history: OutageHistory): boolean {
  return history.resource.state === "ready" && history.resource.data === null;
}

export function OutageHistorySection({ history }: { history: OutageHistory }) {
  const zone = useUtilityZone(true);
  if (outageHistoryAbsent(history)) return null;
  return (
    <Section id="outages" title="Outages" wide>
      <WhenLoaded what="the outage history" resource={history.resource} onRetry={history.reload}>
        {(outages) => !outages || outages.length === 0 ? <p class="hint">No outage at the account's homes is on record.</p> : (
          <div class="table-wrap">
            <table class="data-table" data-testid="account-outages">
              <caption class="visually-hidden">Outages at the account's homes, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Outage</th>
                  <th scope="col">Home</th>
                  <th scope="col">Status</th>
                  <th scope="col">Cause</th>
                  <th scope="col">Began</th>
                  <th scope="col">Restored</th>
                  <th scope="col" class="num">Reports</th>
                </tr>
              </thead>
              <tbody>
                {newestFirst(outages).map((o) => (
                  <tr key={o.number} data-testid="account-outage">
                    <th scope="row"><a href={outagesHash(o.number)}>{o.number}</a></th>
                    <td>{o.premise ? `${o.premise.line1}, ${o.premise.city}` : "—"}</td>
                    <td>{statusWords(o.status)}</td>
                    <td>{causeWords(o.cause)}</td>
                    <td class="nowrap">{formatInstantIn(o.began_at, zone)}</td>
                    <td class="nowrap">{o.restored_at ? formatInstantIn(o.restored_at, zone) : "—"}</td>
                    <td class="num">{o.reports}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </WhenLoaded>
    </Section>
  );
}
