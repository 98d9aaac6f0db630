import { expect } from '@open-wc/testing';
import type { FeedAsset } from '@townhub/schema/feed';
import * as L from 'leaflet';
import { type Group, groups, toPlaces } from './clusters.js';

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 600 places around Birmingham: scattered, in tight groups, and three at one spot; one asset has two places. */
function assets(): FeedAsset[] {
  const rnd = random(7);
  const points: { lat: number; lng: number }[][] = [];
  for (let i = 0; i < 400; i++) points.push([{ lat: 52.38 + rnd() * 0.2, lng: -2.05 + rnd() * 0.3 }]);
  for (let g = 0; g < 10; g++) {
    const [lat, lng] = [52.4 + rnd() * 0.15, -2 + rnd() * 0.2];
    for (let i = 0; i < 19; i++) points.push([{ lat: lat + (rnd() - 0.5) * 1e-4, lng: lng + (rnd() - 0.5) * 1e-4 }]);
  }
  for (let i = 0; i < 3; i++) points.push([{ lat: 52.481, lng: -1.921 }]);
  points.push([
    { lat: 52.5, lng: -1.8 },
    { lat: 52.45, lng: -1.95 },
  ]);
  points.push([]); // online only
  return points.map((p, i) => ({ id: `a${i}`, points: p }) as unknown as FeedAsset);
}

/** Leaflet's world pixels at `zoom`: the reference for cells (64 px) and positions. */
const world = (p: { lat: number; lng: number }, zoom: number) => L.CRS.EPSG3857.latLngToPoint(L.latLng(p.lat, p.lng), zoom);
/** A box around all the places (groups() sizes its cell window by the box, as by a view). */
const everywhere = (zoom: number) => {
  const [a, b] = [world({ lat: 52.6, lng: -2.1 }, zoom), world({ lat: 52.3, lng: -1.7 }, zoom)];
  return { left: a.x, top: a.y, right: b.x, bottom: b.y };
};
const origin = { x: 0, y: 0 };

describe('map clustering', () => {
  const list = assets();
  const all = list.flatMap((a) => a.points);
  const places = toPlaces(list);

  it('projects every place of every asset, with the bounds around them', () => {
    expect(places.x.length).to.equal(all.length);
    expect([...places.asset.slice(-3)]).to.deep.equal([list.length - 3, list.length - 2, list.length - 2]);
    expect(places.bounds!.south).to.equal(Math.min(...all.map((p) => p.lat)));
    expect(places.bounds!.east).to.equal(Math.max(...all.map((p) => p.lng)));
    expect(toPlaces(list, [list.length - 2, 0]).asset).to.deep.equal(Uint32Array.from([list.length - 2, list.length - 2, 0]));
    expect(toPlaces(list, [list.length - 1]).bounds).to.equal(undefined);
  });

  it('at every zoom, groups exactly the places in each 64-pixel cell, at their mean, and knows where they come apart', () => {
    for (let zoom = 0; zoom <= 17; zoom++) {
      const cellOf = (p: { lat: number; lng: number }, z = zoom) => {
        const { x, y } = world(p, z);
        return `${Math.floor(x / 64)},${Math.floor(y / 64)}`;
      };
      const expected = new Map<string, number[]>();
      for (const [i, p] of all.entries()) expected.set(cellOf(p), [...(expected.get(cellOf(p)) ?? []), i]);
      const found = groups(places, zoom, everywhere(zoom), origin, false);
      expect(found.length, `zoom ${zoom}`).to.equal(expected.size);
      expect(found.map((g) => g.count)).to.deep.equal([...found.map((g) => g.count)].sort((a, b) => b - a));
      for (const group of found) {
        const members = expected.get(cellOf(group))!;
        expect(members, `zoom ${zoom}: ${group.key}`).to.be.an('array');
        expect(group.count).to.equal(members.length);
        const mean = members
          .map((i) => world(all[i]!, zoom))
          .reduce((s, p) => ({ x: s.x + p.x / members.length, y: s.y + p.y / members.length }), { x: 0, y: 0 });
        expect(Math.abs(group.x - mean.x), `zoom ${zoom} x`).to.be.at.most(1);
        expect(Math.abs(group.y - mean.y), `zoom ${zoom} y`).to.be.at.most(1);
        if (members.length === 1) {
          expect(group.place).to.equal(members[0]);
          continue;
        }
        expect(group.place).to.equal(-1);
        let apart = Number.POSITIVE_INFINITY;
        for (let z = zoom + 1; z <= 40 && apart === Number.POSITIVE_INFINITY; z++) if (new Set(members.map((i) => cellOf(all[i]!, z))).size > 1) apart = z;
        // Beyond zoom 28 a cell is under 4 cm: places closer than that are at one spot.
        expect(group.expand, `zoom ${zoom}: ${group.key}`).to.equal(apart > 28 ? Number.POSITIVE_INFINITY : apart);
      }
    }
  });

  it('finds the same places in a cluster as in the clusters it splits into', () => {
    for (let zoom = 0; zoom < 17; zoom++) {
      const closer = groups(places, zoom + 1, everywhere(zoom + 1), origin, false);
      const total = (gs: Group[]) => gs.reduce((n, g) => n + g.count, 0);
      for (const group of groups(places, zoom, everywhere(zoom), origin, false)) {
        const cell = { x: Math.floor(world(group, zoom).x / 64) * 128, y: Math.floor(world(group, zoom).y / 64) * 128 };
        const inside = closer.filter((g) => {
          const p = world(g, zoom + 1);
          return p.x >= cell.x && p.x < cell.x + 128 && p.y >= cell.y && p.y < cell.y + 128;
        });
        expect(total(inside), `zoom ${zoom}: ${group.key}`).to.equal(group.count);
        if (group.count > 1 && group.expand === zoom + 1) expect(inside.length).to.be.greaterThan(1);
        if (group.count > 1 && group.expand > zoom + 1) expect(inside.length).to.equal(1);
      }
    }
  });

  it('places groups in layer pixels, as Leaflet does, and keeps only the cells in the box', () => {
    const zoom = 13;
    const spot = world({ lat: 52.481, lng: -1.921 }, zoom);
    const box = { left: spot.x - 300, top: spot.y - 200, right: spot.x + 300, bottom: spot.y + 200 };
    const shift = { x: 1000, y: 2000 };
    const found = groups(places, zoom, box, shift, false);
    const left = Math.floor(box.left / 64) * 64;
    const right = Math.floor(box.right / 64) * 64 + 64;
    const inBox = all.filter((p) => {
      const { x, y } = world(p, zoom);
      return x >= left && x < right && y >= Math.floor(box.top / 64) * 64 && y < Math.floor(box.bottom / 64) * 64 + 64;
    });
    expect(found.reduce((n, g) => n + g.count, 0)).to.equal(inBox.length);
    for (const g of found.filter((g) => g.place >= 0)) {
      const p = world(all[g.place]!, zoom).round();
      expect([g.x, g.y]).to.deep.equal([p.x - shift.x, p.y - shift.y]);
      expect(g.lat).to.be.closeTo(all[g.place]!.lat, 1e-6);
      expect(g.lng).to.be.closeTo(all[g.place]!.lng, 1e-6);
    }
  });

  it('spreads every place in the box on its own at the closest zoom', () => {
    const zoom = 18;
    const spot = world({ lat: 52.481, lng: -1.921 }, zoom);
    const found = groups(places, zoom, { left: spot.x - 50, top: spot.y - 50, right: spot.x + 50, bottom: spot.y + 50 }, origin, true);
    expect(found.length).to.equal(3);
    expect(found.every((g) => g.count === 1 && g.place >= 0)).to.equal(true);
    expect(new Set(found.map((g) => g.key)).size).to.equal(3);
  });
});
