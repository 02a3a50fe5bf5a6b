import { describeLabels, labelShort, MNIST_INFO, type DatasetInfo } from '../../data/dataset/catalog';
import { useState } from 'react';
import { geometryOf, labelOf, locateDigit, pixelsOf, type Dataset } from '../../data/dataset/dataset';
import { SPLIT_FILTERS, type SplitFilter } from '../../data/dataset/labelIndex';
import { samplePython } from '../../data/export/pythonSnippet';
import { MAX_SEED, randomSeed } from '../../data/dataset/sample';
import { downloadBlob } from '../../render/downloadBlob';
import { canvasToPng, drawSampleFigure } from '../../render/samplePng';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { useSample, useSampleSplit } from '../../state/store/selectors';
import { NumberField } from '../common/NumberField';
import { PythonSnippetButton } from '../common/PythonSnippetButton';
import { SampleDigit, SampleDigitPlaceholder } from './SampleDigit';
import { MAX_SAMPLE_SIZE, MIN_SAMPLE_SIZE } from '../../data/limits';

const DRAW_FROM: Record<SplitFilter | 'grid', string> = {
  grid: 'The grid’s split',
  train: 'Train (the notebook’s X_train)',
  test: 'Test',
  all: 'Train and test',
};

function describeDraw(split: SplitFilter, digits: readonly number[], info: DatasetInfo): string {
  const from = split === 'train' ? 'the training split (the notebook’s X_train)' : split === 'test' ? 'the test split' : 'train and test';
  const which = describeLabels(digits, info);
  return `Drawn from ${from}, ${which}.${split === 'train' ? '' : ' The notebook draws from X_train: choose Train to match it.'}`;
}

/**
 * The notebook's plot: N random digits of the sample's split and the digit filter, each labelled
 * above, in Greys. The seed makes it reproducible; Reshuffle picks a new seed. While the data
 * loads it holds N empty places, so the grid below does not move when the digits arrive.
 */
export function SamplePanel({ dataset }: { dataset: Dataset | null }) {
  const sample = useSample();
  const seed = useExplorerStore((s) => s.seed);
  const sampleSize = useExplorerStore((s) => s.sampleSize);
  const pinnedSplit = useExplorerStore((s) => s.sampleSplit);
  const digits = useExplorerStore((s) => s.digits);
  const split = useSampleSplit();
  const setSeed = useExplorerStore((s) => s.setSeed);
  const setSampleSize = useExplorerStore((s) => s.setSampleSize);
  const setSampleSplit = useExplorerStore((s) => s.setSampleSplit);
  const setOpen = useExplorerStore((s) => s.setOpen);
  const [saveError, setSaveError] = useState<string | null>(null);

  const savePng = async () => {
    if (!dataset) return;
    try {
      const figure = drawSampleFigure(Array.from(sample, (id) => ({ pixels: pixelsOf(dataset, id), label: labelShort(dataset.info, labelOf(dataset, id)) })), geometryOf(dataset));
      downloadBlob(await canvasToPng(figure), `mnist-sample-seed-${seed}-n${sample.length}.png`);
      setSaveError(null);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : 'could not save the PNG');
    }
  };

  return (
    <section className="sample-panel" aria-label="Random sample">
      <div className="sample-controls">
        <h2>Random sample</h2>
        <label className="control">
          <span>Draw from</span>
          <select
            aria-label="Draw from"
            value={pinnedSplit ?? 'grid'}
            onChange={(e) => setSampleSplit(e.target.value === 'grid' ? null : (e.target.value as SplitFilter))}
          >
            {(['grid', ...SPLIT_FILTERS] as const).map((s) => (
              <option key={s} value={s}>
                {DRAW_FROM[s]}
              </option>
            ))}
          </select>
        </label>
        <NumberField label="Sample size" value={sampleSize} min={MIN_SAMPLE_SIZE} max={MAX_SAMPLE_SIZE} onCommit={setSampleSize} />
        <NumberField label="Seed" value={seed} min={0} max={MAX_SEED} onCommit={setSeed} />
        <button type="button" onClick={() => setSeed(randomSeed())}>
          Reshuffle
        </button>
        <button type="button" onClick={() => void savePng()} disabled={!dataset || sample.length === 0}>
          Save PNG
        </button>
        <PythonSnippetButton
          label="Copy as Python"
          title="Python for this sample"
          disabled={!dataset || sample.length === 0}
          code={() => (dataset ? samplePython(Array.from(sample, (id) => locateDigit(dataset, id)), { seed, split, digits }) : '')}
        />
        {saveError && <span className="field-error">{saveError}</span>}
      </div>
      <p className="sample-source">{describeDraw(split, digits, dataset?.info ?? MNIST_INFO)}</p>
      <div
        className="sample-digits"
        onClick={(event) => {
          const button = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-id]') : null;
          if (button && dataset) setOpen(locateDigit(dataset, Number(button.dataset.id)), 'sample');
        }}
      >
        {dataset && sample.length === 0 && <p className="hint">No digits match the current filter.</p>}
        {dataset
          ? // Keyed by place: a new sample redraws the same 30 canvases instead of building new ones.
            Array.from(sample, (id, i) => <SampleDigit key={i} dataset={dataset} id={id} />)
          : Array.from({ length: sampleSize }, (_, i) => <SampleDigitPlaceholder key={i} />)}
      </div>
    </section>
  );
}
