// The Reports area (billing.read): the office's reports, each with what it shows (GET
// /api/v1/staff/reports, asked for once when the area opens), and the page of the report the
// address names (ReportScreen.tsx). Its code loads when the area is first opened (App.tsx).
import type { ApiError, Staff } from "./api";
import { fetchReportCatalog } from "./reportsApi";
import type { ReportInfo } from "./reports";
import { REPORTS_PERMISSION, reportsHash } from "./reportsRoute";
import type { ReportsScreen } from "./reportsRoute";
import { useResource } from "./useResource";
import { WhenLoaded } from "./Section";
import { ScreenHeading } from "./WorkParts";
import { ReportScreen } from "./ReportScreen";
import { asSentence } from "./labels";

export function ReportsArea({ screen, me, onSessionEnded }: {
  screen: ReportsScreen;
  me: Staff;
  onSessionEnded: (e: ApiError) => void;
}) {
  if (!me.permissions.includes(REPORTS_PERMISSION)) {
    return (
      <section class="reports-area" aria-labelledby="work-heading">
        <ScreenHeading>Reports</ScreenHeading>
        <p class="alert">
          <strong>Not open to you.</strong>
          <span class="detail">The reports need the permission {REPORTS_PERMISSION}, which your roles do not give.</span>
        </p>
      </section>
    );
  }
  return <Reports screen={screen} onSessionEnded={onSessionEnded} />;
}

function Reports({ screen, onSessionEnded }: { screen: ReportsScreen; onSessionEnded: (e: ApiError) => void }) {
  const catalog = useResource(fetchReportCatalog, "report-catalog", onSessionEnded);
  return (
    <div class="reports-area">
      {screen.report === null ? (
        <section aria-labelledby="work-heading">
          <ScreenHeading>Reports</ScreenHeading>
          <p class="hint area-about">
            Each report is a table of figures with a chart of them, and a CSV file of the same table. Money is in dollars,
            shares in percent.
          </p>
          <WhenLoaded what="the reports" resource={catalog.resource} onRetry={catalog.reload}>
            {(reports) => <ReportList reports={reports} />}
          </WhenLoaded>
        </section>
      ) : (
        <ReportScreen key={screen.report} name={screen.report} range={screen.range} catalog={catalog.resource} onSessionEnded={onSessionEnded} />
      )}
    </div>
  );
}

function ReportList({ reports }: { reports: ReportInfo[] }) {
  if (reports.length === 0) return <p>No reports are offered.</p>;
  return (
    <ul class="report-cards" data-testid="report-list">
      {reports.map((r) => (
        <li key={r.name} class="panel">
          <h2><a href={reportsHash(r.name)}>{r.title}</a></h2>
          <p>{asSentence(r.description)}</p>
          <p class="hint">{r.ranged ? "Over the days you choose; the last 30 at first." : "As of today."}</p>
        </li>
      ))}
    </ul>
  );
}
