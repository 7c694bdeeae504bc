// Usage: the portal's chart and table of the account's metered usage (GET .../usage), by month,
// read period or day, with how each figure was read. The figures' code (uPlot) loads after the
// page; the view choice is here, so it keeps focus while a new view loads.
import { useEffect, useState } from "preact/hooks";
import type { Usage } from "../portal/types";
import { dataOf } from "./resource";
import { Section, WhenLoaded } from "./Section";
import { lazyPart } from "./lazyPart";
import { loadUsageFigures } from "./useAccountParts";
import { FIRST_USAGE_VIEW, USAGE_VIEWS, offeredUsageViews } from "./usageViews";
import type { StaffUsageView } from "./usageViews";
import type { Loaded } from "./useResource";

const UsageFigures = lazyPart("usage chart", () => loadUsageFigures().then((m) => m.UsageFigures));

export function UsageSection({ usage, view, onView }: {
  usage: Loaded<Usage>;
  view: StaffUsageView;
  onView: (view: StaffUsageView) => void;
}) {
  // What the account's meters offer: the last answer says (until then, months and days).
  const [resolutions, setResolutions] = useState<string[] | null>(null);
  const answer = dataOf(usage.resource);
  useEffect(() => {
    if (answer?.resolutions) setResolutions(answer.resolutions);
  }, [answer]);
  const offered = offeredUsageViews(resolutions);
  // A view these meters do not have (days, for meters read once a cycle): back to months.
  useEffect(() => {
    if (resolutions && !offered.includes(view)) onView(FIRST_USAGE_VIEW);
  }, [resolutions, view]);
  return (
    <Section id="usage" title="Usage" wide busy={usage.resource.state === "loading"}>
      {offered.length > 1 && (
        <fieldset class="usage-views">
          <legend>Show</legend>
          {USAGE_VIEWS.filter((v) => offered.includes(v.view)).map((v) => (
            <label key={v.view} class="choice">
              <input type="radio" name="usage-view" checked={view === v.view} onChange={() => onView(v.view)} />
              {v.label}
            </label>
          ))}
        </fieldset>
      )}
      <WhenLoaded what="the usage" resource={usage.resource} onRetry={usage.reload}>
        {(u) => <UsageFigures usage={u} view={view} />}
      </WhenLoaded>
    </Section>
  );
}
