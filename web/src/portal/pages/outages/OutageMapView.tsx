// The map of affected areas, open to anyone: the territory's frame, each ZIP code's area with
// customers out outlined and named, each ~1 km square shaded by how many are out (outageMap.ts),
// and under it the same areas as a list (city, ZIP code, about how many out, when power should be
// back), which is what a screen reader reads. Nothing is drawn when the server has no map.
import { useI18n } from "../../i18n/context";
import { useLoad } from "../../components/useLoad";
import { fetchOutageMap } from "../../outagesApi";
import { areasByCustomersOut, cellShade, mapFrame, mostOutInACell, placeLabels } from "../../outageMap";
import type { OutageMap } from "../../outageMap";
import { causeKey } from "../../outages";
import { useClock } from "./useClock";
import { useRefresh } from "./useRefresh";

export function OutageMapSection() {
  const { t } = useI18n();
  const { asOf } = useClock();
  const map = useLoad((signal) => fetchOutageMap(signal), []);
  useRefresh(map.reload);
  // The map is extra: while it cannot be had (an older server, a failure) the page goes without it.
  if (!map.data) return null;
  const updated = asOf(map.data.as_of);
  return (
    <section class="card outage-map" aria-labelledby="outage-map-heading" data-testid="outage-map">
      <h2 id="outage-map-heading">{t("outageMapTitle")}</h2>
      {map.data.areas.length === 0 ? (
        <p data-testid="no-known-outages">{t("outageMapNone")}</p>
      ) : (
        <>
          <p class="strong">{t("outageMapTotal", { count: map.data.customers_out })}</p>
          <MapDrawing map={map.data} />
          <p class="hint">{t("outageMapKey")}</p>
          <AreaList map={map.data} />
        </>
      )}
      {updated && <p class="hint">{t("outageAsOf", { time: updated })}</p>}
    </section>
  );
}

function MapDrawing({ map }: { map: OutageMap }) {
  const { t } = useI18n();
  const frame = mapFrame(map.bounds);
  if (!frame) return null;
  const most = mostOutInACell(map.cells);
  const summary = t("outageMapSummary", { count: map.customers_out, areas: map.areas.length });
  const boxes = map.areas.map((area) => frame.place(area));
  const names = map.areas.map((area) => `${area.city} ${area.zip}`);
  // About 7.5 units a character at the labels' size (13, bold).
  const labels = placeLabels(boxes, names.map((n) => n.length * 7.5), frame);
  return (
    <svg class="map-drawing" viewBox={`0 0 ${frame.width} ${frame.height}`} role="img" aria-label={summary}
      preserveAspectRatio="xMidYMid meet">
      <rect class="map-frame" x="1" y="1" width={frame.width - 2} height={frame.height - 2} rx="6" />
      {map.cells.map((cell, i) => {
        const r = frame.place(cell);
        return <rect key={`c${i}`} class={`map-cell shade-${cellShade(cell.customers_out, most)}`} x={r.x} y={r.y} width={r.width} height={r.height} />;
      })}
      {map.areas.map((area, i) => {
        const r = boxes[i];
        return (
          <g key={area.zip} class="map-area">
            <rect x={r.x} y={r.y} width={r.width} height={r.height} />
            <text x={labels[i].x} y={labels[i].y}>{names[i]}</text>
          </g>
        );
      })}
    </svg>
  );
}

function AreaList({ map }: { map: OutageMap }) {
  const { t } = useI18n();
  const { clock } = useClock();
  return (
    <ul class="list area-list" data-testid="outage-areas">
      {areasByCustomersOut(map.areas).map((area) => {
        const cause = causeKey(area.cause);
        return (
          <li key={area.zip} class="list-item">
            <span class="strong">{`${area.city}, ${area.zip}`}</span>{" "}
            {t(area.customers_out < 20 ? "outageMapAreaOut" : "outageMapAreaAboutOut", { count: area.customers_out, served: area.customers_served })}{" "}
            {area.etr ? t("outageEtr", { time: clock(area.etr) }) : t("outageNoEtr")}
            {cause && <> {t("outageCause", { cause: t(cause) })}</>}
          </li>
        );
      })}
    </ul>
  );
}
