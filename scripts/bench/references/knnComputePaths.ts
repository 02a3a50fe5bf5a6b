// The neighbour search alone, one thread in Node, on the suspect labels' own projection (SUSPECT_COMPONENTS wide):
// the WebAssembly SIMD scan against plain loops, so the browser's figure has a floor beside it.
import { nearestNeighbourTable } from '../../../src/data/analysis/knn';
import { principalComponents, project } from '../../../src/data/analysis/pca';
import { SUSPECT_COMPONENTS, SUSPECT_NEIGHBOURS } from '../../../src/data/analysis/suspects';
import { PIXELS_PER_IMAGE } from '../../../src/data/dataset/mnist';
import { datasetFromDir } from '../../../src/testing/mnistDir';

/** ms per query over a test-split half (5,000 digits), by compute path. */
export interface KnnComputePaths {
  simd: number;
  plain: number;
}

export function knnComputePaths(dir: string): KnnComputePaths {
  const dataset = datasetFromDir(dir);
  const blocks = [dataset.train, dataset.test];
  const points = project(blocks, principalComponents(blocks, PIXELS_PER_IMAGE, SUSPECT_COMPONENTS), SUSPECT_COMPONENTS);
  const from = dataset.train.count;
  const to = from + Math.min(5000, dataset.test.count);
  const time = (simd: boolean) => {
    const started = performance.now();
    nearestNeighbourTable(points, SUSPECT_COMPONENTS, SUSPECT_NEIGHBOURS, from, to, { simd });
    return (performance.now() - started) / (to - from);
  };
  return { simd: time(true), plain: time(false) };
}
