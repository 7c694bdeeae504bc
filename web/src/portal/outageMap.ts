// The map of affected areas (pure; test/outageMap.test.mjs), drawn by the portal in SVG with no
// map tiles: the territory's bounds are the frame, each ZIP code's area a box, each ~1 km square
// with customers out a cell shaded by how many. Latitude and longitude are placed on a flat
// projection scaled by the cosine of the middle latitude (at a town's scale, true enough).

/** A box of latitude and longitude, in degrees. */
export interface GeoBox {
  south: number;
  west: number;
  north: number;
  east: number;
}

/** One ZIP code's area with customers out (outages of 5 customers or more). */
export interface OutageArea extends GeoBox {
  zip: string;
  city: string;
  state: string;
  customers_out: number;
  customers_served: number;
  outages: number;
  etr: string | null;
  cause: string;
}

export interface OutageCell extends GeoBox {
  customers_out: number;
}

/** GET /api/v1/outages/map */
export interface OutageMap {
  as_of: string;
  bounds: GeoBox | null;
  customers_out: number;
  areas: OutageArea[];
  cells: OutageCell[];
}

/** The drawing's width in SVG units; its height follows the territory's shape. */
export const MAP_WIDTH = 360;
const MARGIN = 12;
/** A very tall or very flat territory is drawn no taller than this many widths, nor flatter. */
const TALLEST = 1.0;
const FLATTEST = 0.35;
/** The least a box or a square is drawn across, in SVG units. */
export const MIN_SIDE = 6;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapFrame {
  width: number;
  height: number;
  /** A box of the territory -> its rectangle in the drawing (clipped to the frame). */
  place: (box: GeoBox) => Rect;
}

function valid(box: GeoBox | null): box is GeoBox {
  return !!box && [box.south, box.west, box.north, box.east].every(Number.isFinite) && box.north >= box.south && box.east >= box.west;
}

/** The frame of the drawing for the territory's bounds; null when there are none to draw in. */
export function mapFrame(bounds: GeoBox | null): MapFrame | null {
  if (!valid(bounds)) return null;
  const middle = ((bounds.north + bounds.south) / 2) * (Math.PI / 180);
  // A territory of one point still gets a little room.
  const spanX = Math.max(bounds.east - bounds.west, 0.005) * Math.cos(middle);
  const spanY = Math.max(bounds.north - bounds.south, 0.005);
  const inner = MAP_WIDTH - 2 * MARGIN;
  const shape = Math.min(TALLEST, Math.max(FLATTEST, spanY / spanX));
  const height = Math.round(inner * shape + 2 * MARGIN);
  const innerHeight = height - 2 * MARGIN;
  const x = (lon: number) => MARGIN + ((lon - bounds.west) / (bounds.east - bounds.west || 1)) * inner;
  const y = (lat: number) => MARGIN + ((bounds.north - lat) / (bounds.north - bounds.south || 1)) * innerHeight;
  const clampX = (v: number) => Math.min(MAP_WIDTH - MARGIN, Math.max(MARGIN, v));
  const clampY = (v: number) => Math.min(height - MARGIN, Math.max(MARGIN, v));
  return {
    width: MAP_WIDTH,
    height,
    place: (box) => {
      const left = clampX(x(box.west));
      const right = clampX(x(box.east));
      const top = clampY(y(box.north));
      const bottom = clampY(y(box.south));
      // Something drawn is at least MIN_SIDE across, to be seen.
      const width = Math.max(MIN_SIDE, right - left);
      const tall = Math.max(MIN_SIDE, bottom - top);
      return { x: round(Math.min(left, MAP_WIDTH - MARGIN - width)), y: round(Math.min(top, height - MARGIN - tall)), width: round(width), height: round(tall) };
    },
  };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** How dark a cell is drawn: 1 (a few out) to 4 (the most out on the map). */
export function cellShade(customersOut: number, mostOut: number): 1 | 2 | 3 | 4 {
  if (mostOut <= 0) return 1;
  const share = customersOut / mostOut;
  if (share > 0.75) return 4;
  if (share > 0.5) return 3;
  if (share > 0.25) return 2;
  return 1;
}

/** The most customers out in any cell (0 when none). */
export function mostOutInACell(cells: readonly OutageCell[]): number {
  return cells.reduce((most, c) => Math.max(most, c.customers_out), 0);
}

/** The areas, the most customers out first (the list under the map reads in that order). */
export function areasByCustomersOut(areas: readonly OutageArea[]): OutageArea[] {
  return [...areas].sort((a, b) => b.customers_out - a.customers_out || a.zip.localeCompare(b.zip));
}

/** The height of a label's line, in SVG units (its font is 13). */
export const LABEL_LINE = 16;

/**
 * Where each area's label sits (its baseline's left end), one for each box in order: beside the
 * box on the right (on the left when there is no room), then moved down or up a line at a time
 * until it overlaps no label placed before it, always within the drawing. `widths` are the labels'
 * widths in SVG units.
 */
export function placeLabels(boxes: readonly Rect[], widths: readonly number[], frame: { width: number; height: number }): { x: number; y: number }[] {
  const placed: Rect[] = [];
  return boxes.map((box, i) => {
    const width = widths[i] ?? 0;
    const right = box.x + box.width + 4;
    const x = right + width <= frame.width - 4 ? right : Math.max(4, box.x - 4 - width);
    const middle = box.y + box.height / 2 + 5;
    const fits = (y: number) => y - LABEL_LINE + 4 >= 0 && y + 4 <= frame.height;
    const free = (y: number) => !placed.some((p) => x < p.x + p.width && p.x < x + width && y - LABEL_LINE + 4 < p.y + p.height && p.y < y + 4);
    let y = middle;
    for (let step = 1; step <= 40 && !(fits(y) && free(y)); step++) {
      y = middle + Math.ceil(step / 2) * LABEL_LINE * (step % 2 === 1 ? 1 : -1);
    }
    y = Math.min(frame.height - 4, Math.max(LABEL_LINE, y));
    placed.push({ x, y: y - LABEL_LINE + 4, width, height: LABEL_LINE });
    return { x: round(x), y: round(y) };
  });
}
