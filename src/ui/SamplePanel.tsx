import { useState } from 'react';
import { labelOf, locateDigit, pixelsOf, type Dataset } from '../data/dataset';
import { MAX_SAMPLE_SIZE, MAX_SEED, MIN_SAMPLE_SIZE, randomSeed } from '../data/sample';
import { downloadBlob } from '../render/downloadBlob';
import { canvasToPng, drawSampleFigure } from '../render/samplePng';
import { useExplorerStore } from '../state/useExplorerStore';
import { useSample } from '../state/selectors';
import { NumberField } from './NumberField';
import { SampleDigit } from './SampleDigit';

/**
 * The notebook's plot: N random digits of the current selection, each labelled above, in Greys.
 * The seed makes it reproducible; Reshuffle picks a new seed.
 */
export function SamplePanel({ dataset }: { dataset: Dataset }) {
  const sample = useSample();
  const seed = useExplorerStore((s) => s.seed);
  const sampleSize = useExplorerStore((s) => s.sampleSize);
  const setSeed = useExplorerStore((s) => s.setSeed);
  const setSampleSize = useExplorerStore((s) => s.setSampleSize);
  const setOpen = useExplorerStore((s) => s.setOpen);
  const [saveError, setSaveError] = useState<string | null>(null);

  const savePng = async () => {
    try {
      const figure = drawSampleFigure(Array.from(sample, (id) => ({ pixels: pixelsOf(dataset, id), label: labelOf(dataset, id) })));
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
        <NumberField label="Sample size" value={sampleSize} min={MIN_SAMPLE_SIZE} max={MAX_SAMPLE_SIZE} onCommit={setSampleSize} />
        <NumberField label="Seed" value={seed} min={0} max={MAX_SEED} onCommit={setSeed} />
        <button type="button" onClick={() => setSeed(randomSeed())}>
          Reshuffle
        </button>
        <button type="button" onClick={() => void savePng()} disabled={sample.length === 0}>
          Save PNG
        </button>
        {saveError && <span className="field-error">{saveError}</span>}
      </div>
      <div
        className="sample-digits"
        onClick={(event) => {
          const button = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-id]') : null;
          if (button) setOpen(locateDigit(dataset, Number(button.dataset.id)));
        }}
      >
        {sample.length === 0 && <p className="hint">No digits match the current filter.</p>}
        {Array.from(sample, (id, i) => (
          <SampleDigit key={`${i}-${id}`} dataset={dataset} id={id} />
        ))}
      </div>
    </section>
  );
}
