// A new tariff's preview (POST .../tariff/preview): the version it rated the sample with; a banner
// when storing this tariff would be refused, and why (the server's words); and the sampled bills,
// each with what it charged, the stored tariff and the new one on the same usage and the change,
// the totals of the bills rated in the footer with the change in percent.
import { formatMoney } from "../shared/money";
import { formatDate } from "../shared/format";
import { accountHash } from "./route";
import { asSentence } from "./labels";
import { periodWords, previewSummary, previewTotals, ratedFromWords, signedMoney, usageText, versionName } from "./tariffs";
import type { TariffPreview } from "./tariffs";

export const PREVIEW_HEADING_ID = "tariff-preview-heading";

export function TariffPreviewView({ preview: p, stale }: {
  preview: TariffPreview;
  /** The text was changed since: this preview is of the text as it was. */
  stale: boolean;
}) {
  const totals = previewTotals(p);
  return (
    <section class="tariff-preview" aria-labelledby={PREVIEW_HEADING_ID} data-testid="tariff-preview">
      <h3 id={PREVIEW_HEADING_ID} tabIndex={-1}>
        Preview: {versionName(p.version)}, effective <time dateTime={p.version.effective}>{formatDate(p.version.effective)}</time>
      </h3>
      {stale && (
        <p class="callout" data-testid="preview-stale">
          The tariff was changed after this preview, which shows it as it was. Preview it again to see the change.
        </p>
      )}
      {p.refused && (
        <div class="callout warn refusal" data-testid="preview-refused">
          <strong>Storing this tariff would be refused.</strong> {asSentence(p.refused.detail)}
        </div>
      )}
      <p>{previewSummary(p)}</p>
      {p.bills.length > 0 && (
        <div class="table-wrap">
          <table class="data-table preview-table" data-testid="preview-table">
            <caption>The sampled bills: what each charged, and the stored tariff beside the new one on the same usage</caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Bill</th>
                <th scope="col">Period</th>
                <th scope="col" class="num">Usage</th>
                <th scope="col" class="num">Billed</th>
                <th scope="col" class="num">Current</th>
                <th scope="col" class="num">Proposed</th>
                <th scope="col" class="num">Change</th>
              </tr>
            </thead>
            <tbody>
              {p.bills.map((b) => (
                <tr key={`${b.account_number}-${b.bill_number}`} data-bill={b.bill_number}>
                  <th scope="row"><a href={accountHash(b.account_number)}>{b.account_number}</a></th>
                  <td>{b.bill_number}</td>
                  <td>{periodWords(b.period_start, b.period_end)}</td>
                  <td class="num">
                    {usageText(b.usage, b.unit)}
                    <span class="explain">{ratedFromWords(b.rated_from)}</span>
                  </td>
                  <td class="num">{formatMoney(b.billed)}</td>
                  {b.problem ? (
                    <td colSpan={3} class="preview-problem">Could not be rated: {b.problem}</td>
                  ) : (
                    <>
                      <td class="num">{b.current ? formatMoney(b.current) : "—"}</td>
                      <td class="num">{b.proposed ? formatMoney(b.proposed) : "—"}</td>
                      <td class="num">{signedMoney(b.change)}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
            <tfoot data-testid="preview-totals">
              <tr>
                <th scope="row" colSpan={5}>Total of the {p.rated} bill{p.rated === 1 ? "" : "s"} rated</th>
                <td class="num" data-testid="preview-current-total">{totals.current}</td>
                <td class="num" data-testid="preview-proposed-total">{totals.proposed}</td>
                <td class="num" data-testid="preview-change">{totals.change}</td>
              </tr>
              <tr>
                <th scope="row" colSpan={7}>Change in percent of the current total</th>
                <td class="num" data-testid="preview-change-percent">{totals.percent}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
