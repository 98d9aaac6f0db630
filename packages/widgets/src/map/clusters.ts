/**
 * Clustering for the map without an index: places are projected once to integer Web Mercator coordinates, and each
 * draw groups the places in view by the quadtree cell of 64 × 64 pixels they fall in at that zoom, in one pass over
 * typed arrays (well under a millisecond for 20,000 places once warm, and no build before the first draw). A cell's
 * centre is the mean of its places; a cell at one zoom is exactly the four cells under it one zoom closer.
 */
import type { FeedAsset } from '@townhub/schema/feed';

/** Coordinates are Web Mercator scaled to 0–2^30: under 4 cm at the equator, and sums stay exact in a double. */
const BITS = 30;
const SIDE = 2 ** BITS;
/** A cell at zoom z is 64 px on 256-px tiles: depth z + 2 of the quadtree. */
const depthAt = (zoom: number) => Math.max(0, Math.min(BITS, zoom + 2));

/** The places on the map, by place number: where each is and which asset it belongs to. */
export interface Places {
  x: Int32Array;
  y: Int32Array;
  asset: Uint32Array;
  /** The box around them; undefined when there are none. */
  bounds?: { south: number; west: number; north: number; east: number };
}

/** One cluster or single place, placed in layer pixels. */
export interface Group {
  /** Names the cluster or place across draws at the same zoom: -1 - place for a place, else from the cell and depth. */
  key: number;
  x: number;
  y: number;
  lat: number;
  lng: number;
  count: number;
  /** The place, when it is a single one; -1 for a cluster. */
  place: number;
  /** The zoom at which its places fall into more than one cell (Infinity: all at one spot). */
  expand: number;
}

/** Projects the points of `assets` (those at `visible`, or all). Plain loops: this runs once a feed, while still cold. */
export function toPlaces(assets: readonly FeedAsset[], visible?: readonly number[]): Places {
  const count = visible ? visible.length : assets.length;
  let n = 0;
  for (let i = 0; i < count; i++) n += (assets[visible ? (visible[i] as number) : i] as FeedAsset).points.length;
  const places: Places = { x: new Int32Array(n), y: new Int32Array(n), asset: new Uint32Array(n) };
  let [south, west, north, east] = [90, 180, -90, -180];
  n = 0;
  for (let i = 0; i < count; i++) {
    const index = visible ? (visible[i] as number) : i;
    const points = (assets[index] as FeedAsset).points;
    for (let j = 0; j < points.length; j++) {
      const { lat, lng } = points[j] as { lat: number; lng: number };
      // Leaflet's spherical Mercator: latitude clamped to ±85.05°.
      const sin = Math.sin((Math.max(-85.0511287798, Math.min(85.0511287798, lat)) * Math.PI) / 180);
      const x = (lng / 360 + 0.5) * SIDE;
      const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * SIDE;
      places.x[n] = x <= 0 ? 0 : x >= SIDE ? SIDE - 1 : x;
      places.y[n] = y <= 0 ? 0 : y >= SIDE ? SIDE - 1 : y;
      places.asset[n++] = index;
      if (lat < south) south = lat;
      if (lat > north) north = lat;
      if (lng < west) west = lng;
      if (lng > east) east = lng;
    }
  }
  if (n) places.bounds = { south, west, north, east };
  return places;
}

/**
 * The clusters and single places whose cell overlaps the box (in world pixels at `zoom`, Leaflet's `getPixelBounds()`),
 * biggest first; with `spread`, every place on its own. `origin` is Leaflet's pixel origin: positions are layer pixels.
 */
export function groups(
  places: Places,
  zoom: number,
  box: { left: number; top: number; right: number; bottom: number },
  origin: { x: number; y: number },
  spread: boolean,
): Group[] {
  const depth = depthAt(Math.round(zoom));
  const shift = BITS - depth;
  const scale = (256 * 2 ** zoom) / SIDE;
  const last = 2 ** depth - 1;
  const cell = (px: number) => Math.max(0, Math.min(last, Math.floor((px / scale) * 2 ** -shift)));
  const [left, top] = [cell(box.left), cell(box.top)];
  const [width, height] = [cell(box.right) - left + 1, cell(box.bottom) - top + 1];
  const cells = width * height;
  if (cells <= SCRATCH && !(scratch && scratch.count.length >= cells)) scratch = cellArrays(Math.max(cells, 1024));
  const { count, sumX, sumY, first, differ } = cells <= SCRATCH ? (scratch as CellArrays) : cellArrays(cells);
  count.fill(0, 0, cells);
  const out: Group[] = [];
  const add = (key: number, x: number, y: number, n: number, place: number, expand: number) => {
    out.push({
      key,
      x: Math.round(x * scale) - origin.x,
      y: Math.round(y * scale) - origin.y,
      lng: (x / SIDE - 0.5) * 360,
      lat: (360 * Math.atan(Math.exp((1 - (2 * y) / SIDE) * Math.PI))) / Math.PI - 90,
      count: n,
      place,
      expand,
    });
  };
  const { x: xs, y: ys } = places;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    const cx = (x >> shift) - left;
    const cy = (y >> shift) - top;
    if (cx < 0 || cx >= width || cy < 0 || cy >= height) continue;
    if (spread) {
      add(-1 - i, x, y, 1, i, Number.POSITIVE_INFINITY);
      continue;
    }
    const c = cy * width + cx;
    const k = count[c] as number;
    if (k === 0) {
      first[c] = i;
      differ[c] = 0;
      sumX[c] = x;
      sumY[c] = y;
    } else {
      differ[c] = (differ[c] as number) | (x ^ (xs[first[c] as number] as number)) | (y ^ (ys[first[c] as number] as number));
      sumX[c] = (sumX[c] as number) + x;
      sumY[c] = (sumY[c] as number) + y;
    }
    count[c] = k + 1;
  }
  for (let c = 0; c < cells; c++) {
    const n = count[c] as number;
    if (n === 1) add(-1 - (first[c] as number), sumX[c] as number, sumY[c] as number, 1, first[c] as number, Number.POSITIVE_INFINITY);
    else if (n > 1) {
      // The highest differing bit, b below the top of 30, splits them at depth b + 1: the zoom two less.
      const bits = differ[c] as number;
      const expand = bits ? Math.clz32(bits) - 3 : Number.POSITIVE_INFINITY;
      // The cell's number in the whole grid at this depth, and the depth: exact while depth ≤ 24 (the map stops at 20).
      const key = ((top + Math.floor(c / width)) * 2 ** depth + left + (c % width)) * 32 + depth;
      add(key, (sumX[c] as number) / n, (sumY[c] as number) / n, n, -1, expand);
    }
  }
  return out.sort(biggestFirst);
}

const biggestFirst = (a: Group, b: Group) => b.count - a.count;

/** Per-cell sums for up to a view's worth of cells are kept between draws: a zoom step then allocates little but its groups. */
const SCRATCH = 1 << 14;
type CellArrays = ReturnType<typeof cellArrays>;
let scratch: CellArrays | undefined;
const cellArrays = (cells: number) => ({
  count: new Uint32Array(cells),
  sumX: new Float64Array(cells),
  sumY: new Float64Array(cells),
  first: new Int32Array(cells),
  /** The bits in which the cell's places differ from its first place: the highest tells where they come apart. */
  differ: new Int32Array(cells),
});
