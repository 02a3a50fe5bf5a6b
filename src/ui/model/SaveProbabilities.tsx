// Save probabilities: every digit's out-of-sample probabilities as the CSV a notebook reads —
// the train split's from the folds, the test split's from the first model — offered once both
// are there (a file with half its rows would be mistaken for the whole), and why not before.
import type { Dataset } from '../../data/dataset/dataset';
import { probabilitiesCsv, probabilitiesFileName } from '../../data/export/probabilitiesCsv';
import { downloadBlob } from '../../render/downloadBlob';
import { useModelReadout } from '../../state/store/selectors';

export function SaveProbabilities({ dataset }: { dataset: Dataset }) {
  const readout = useModelReadout();
  const ready = readout !== null && readout.known.train && readout.known.test;
  const reason = !readout?.known.test
    ? 'Saving waits for the first model: the test split’s probabilities are its.'
    : 'Saving waits for the cross-validation: the train split’s probabilities are its folds’.';
  const save = () => {
    if (!ready) return;
    const csv = probabilitiesCsv(dataset, readout.probabilities, readout.predicted, readout.classes);
    downloadBlob(new Blob([csv], { type: 'text/csv' }), probabilitiesFileName(dataset.info));
  };
  return (
    <div className="model-save">
      <button type="button" onClick={save} disabled={!ready} aria-describedby="model-save-note">
        Save probabilities
      </button>
      <span className="hint" id="model-save-note">
        {ready
          ? `${probabilitiesFileName(dataset.info)}: split, index, label, predicted and p0–p${readout.classes - 1} for every ${dataset.info.noun.one}, out of sample (train: cross-validated; test: the first model).`
          : reason}
      </span>
    </div>
  );
}
