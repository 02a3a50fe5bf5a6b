import { describe, expect, it } from 'vitest';
import { graphProblem, layoutNeighbourhoods, type NeighbourGraph } from './neighbourhoodLayout';

/** Three clusters of points in 8 dimensions, far apart, and each point's exact 10 nearest (brute force here). */
function plantedGraph(perCluster = 150, k = 10): { graph: NeighbourGraph; cluster: Uint8Array } {
  const dims = 8;
  const count = perCluster * 3;
  const points = new Float64Array(count * dims);
  const cluster = new Uint8Array(count);
  let state = 12345;
  const random = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32) - 0.5;
  for (let i = 0; i < count; i++) {
    cluster[i] = i % 3;
    for (let d = 0; d < dims; d++) points[i * dims + d] = random() + (d === cluster[i] ? 40 : 0);
  }
  const ids = new Uint32Array(count * k);
  const distances = new Float64Array(count * k);
  for (let i = 0; i < count; i++) {
    const others = Array.from({ length: count }, (_, j) => j).filter((j) => j !== i);
    const d = (j: number) => Math.hypot(...Array.from({ length: dims }, (_, c) => points[i * dims + c]! - points[j * dims + c]!));
    others.sort((a, b) => d(a) - d(b) || a - b);
    for (let j = 0; j < k; j++) {
      ids[i * k + j] = others[j]!;
      distances[i * k + j] = d(others[j]!);
    }
  }
  return { graph: { count, k, ids, distances }, cluster };
}

describe('the neighbourhood layout', () => {
  const { graph, cluster } = plantedGraph();

  it('keeps well-separated clusters apart: every point’s 10 nearest on the map are of its cluster', async () => {
    const map = await layoutNeighbourhoods(graph, { epochs: 100 });
    const xy = map.coordinates;
    expect(xy).toHaveLength(graph.count * 2);
    expect(xy.every(Number.isFinite)).toBe(true);
    let agree = 0;
    for (let i = 0; i < graph.count; i++) {
      const nearest = Array.from({ length: graph.count }, (_, j) => j)
        .filter((j) => j !== i)
        .sort((a, b) => Math.hypot(xy[a * 2]! - xy[i * 2]!, xy[a * 2 + 1]! - xy[i * 2 + 1]!) - Math.hypot(xy[b * 2]! - xy[i * 2]!, xy[b * 2 + 1]! - xy[i * 2 + 1]!))
        .slice(0, 10);
      if (nearest.every((j) => cluster[j] === cluster[i])) agree++;
    }
    expect(agree / graph.count).toBeGreaterThan(0.99);
    expect(map).toMatchObject({ neighbours: 10, epochs: 100, seed: 42 });
  });

  it('gives the same coordinates for the same seed, others for another', async () => {
    const [a, b, c] = await Promise.all([layoutNeighbourhoods(graph, { epochs: 30 }), layoutNeighbourhoods(graph, { epochs: 30 }), layoutNeighbourhoods(graph, { epochs: 30, seed: 7 })]);
    expect(Buffer.from(a.coordinates.buffer).equals(Buffer.from(b.coordinates.buffer))).toBe(true);
    expect(Buffer.from(a.coordinates.buffer).equals(Buffer.from(c.coordinates.buffer))).toBe(false);
  });

  it('reports its progress, setup then layout, up to the whole', async () => {
    const seen: [number, string][] = [];
    await layoutNeighbourhoods(graph, { epochs: 20, progress: (share, stage) => seen.push([share, stage]) });
    expect(seen.some(([, stage]) => stage === 'setup')).toBe(true);
    const layout = seen.filter(([, stage]) => stage === 'layout').map(([share]) => share);
    expect(layout[0]).toBe(0);
    expect(Math.max(...layout)).toBeCloseTo(1, 2);
  });

  it('refuses a graph that is not one, before the library can make a silent mess of it', () => {
    expect(graphProblem(graph)).toBeNull();
    const self = { ...graph, ids: graph.ids.slice() };
    self.ids[3] = 0;
    expect(graphProblem(self)).toMatch(/digit 0: neighbour 0 is not another digit/);
    const far = { ...graph, ids: graph.ids.slice() };
    far.ids[5] = graph.count;
    expect(graphProblem(far)).toMatch(/not another digit/);
    const nan = { ...graph, distances: graph.distances.slice() };
    nan.distances[7] = NaN;
    expect(graphProblem(nan)).toMatch(/distance/);
    expect(graphProblem({ ...graph, k: 11 })).toMatch(/neighbours for/);
  });
});
