// The map of affected areas (src/portal/outageMap.ts): the territory's frame, where a box is drawn,
// how dark a square is, the list's order, and where a label sits.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  LABEL_LINE, MAP_WIDTH, MIN_SIDE, areasByCustomersOut, cellShade, mapFrame, mostOutInACell, placeLabels,
} from "../.test-build/portal/outageMap.js";

const TERRITORY = { south: 44.0, west: -123.2, north: 44.1, east: -122.9 };

test("no bounds, or bounds that are not a box, draw no map", () => {
  assert.equal(mapFrame(null), null);
  assert.equal(mapFrame({ south: 44.1, west: -123, north: 44.0, east: -122.9 }), null);
  assert.equal(mapFrame({ south: NaN, west: -123, north: 44.0, east: -122.9 }), null);
});

test("the frame keeps the territory's shape: wider than tall at 44° north for 0.3° by 0.1°", () => {
  const frame = mapFrame(TERRITORY);
  assert.equal(frame.width, MAP_WIDTH);
  // 0.3° of longitude at 44° is about 0.216° of latitude across: 0.1 / 0.216 ≈ 0.46 of the width.
  assert.ok(frame.height > 0.4 * MAP_WIDTH && frame.height < 0.55 * MAP_WIDTH, `height ${frame.height}`);
  // A very tall territory is drawn no taller than it is wide.
  assert.equal(mapFrame({ south: 40, west: -123, north: 46, east: -122.99 }).height, MAP_WIDTH);
});

test("the whole territory fills the frame inside its margin; a box is placed where it is", () => {
  const frame = mapFrame(TERRITORY);
  assert.deepEqual(frame.place(TERRITORY), { x: 12, y: 12, width: MAP_WIDTH - 24, height: frame.height - 24 });
  const west = frame.place({ south: 44.0, west: -123.2, north: 44.05, east: -123.05 });
  assert.equal(west.x, 12);
  assert.equal(west.width, (MAP_WIDTH - 24) / 2);
  assert.equal(west.y, 12 + (frame.height - 24) / 2);
});

test("something outside the territory is kept inside the frame, and a tiny square stays visible", () => {
  const frame = mapFrame(TERRITORY);
  const outside = frame.place({ south: 45, west: -122, north: 46, east: -121 });
  assert.ok(outside.x + outside.width <= MAP_WIDTH - 12 && outside.y >= 12);
  const tiny = frame.place({ south: 44.05, west: -123.05, north: 44.05001, east: -123.04999 });
  assert.equal(tiny.width, MIN_SIDE);
  assert.equal(tiny.height, MIN_SIDE);
});

test("a square is shaded 1 to 4 by its share of the most out in any square", () => {
  assert.equal(mostOutInACell([{ customers_out: 5 }, { customers_out: 40 }, { customers_out: 12 }]), 40);
  assert.equal(mostOutInACell([]), 0);
  assert.equal(cellShade(40, 40), 4);
  assert.equal(cellShade(25, 40), 3);
  assert.equal(cellShade(12, 40), 2);
  assert.equal(cellShade(5, 40), 1);
  assert.equal(cellShade(5, 0), 1);
});

test("the list reads the most customers out first, then by ZIP code", () => {
  const areas = [{ zip: "97478", customers_out: 20 }, { zip: "97477", customers_out: 140 }, { zip: "97401", customers_out: 20 }];
  assert.deepEqual(areasByCustomersOut(areas).map((a) => a.zip), ["97477", "97401", "97478"]);
  assert.equal(areas[0].zip, "97478", "the server's list is left as it was");
});

test("a label sits beside its box, on the left when there is no room on the right", () => {
  const frame = { width: 360, height: 300 };
  assert.deepEqual(placeLabels([{ x: 100, y: 50, width: 20, height: 10 }], [80], frame), [{ x: 124, y: 60 }]);
  assert.deepEqual(placeLabels([{ x: 300, y: 50, width: 20, height: 10 }], [80], frame), [{ x: 216, y: 60 }]);
});

test("labels of boxes close together are moved a line apart, and stay within the drawing", () => {
  const frame = { width: 360, height: 300 };
  const boxes = [{ x: 100, y: 50, width: 6, height: 6 }, { x: 102, y: 52, width: 6, height: 6 }, { x: 101, y: 51, width: 6, height: 6 }];
  const [a, b, c] = placeLabels(boxes, [100, 100, 100], frame);
  assert.equal(a.y, 58, "the first beside its box's middle");
  assert.ok(b.y > a.y && c.y < a.y, "the next ones below, then above");
  for (const [p, q] of [[a, b], [a, c], [b, c]]) assert.ok(Math.abs(p.y - q.y) >= LABEL_LINE, `${p.y} and ${q.y} a line apart`);
  const low = placeLabels([{ x: 10, y: 296, width: 6, height: 4 }], [50], frame)[0];
  assert.ok(low.y <= frame.height - 4);
  const high = placeLabels([{ x: 10, y: 0, width: 6, height: 4 }], [50], frame)[0];
  assert.ok(high.y >= LABEL_LINE);
});
