import { selectionPython } from '../../data/export/pythonSnippet';
import { coordinatesFileName } from '../../data/export/mapCoordinates';
import { useDatasetInfo, useModelReadout } from '../../state/store/selectors';
import { readoutCovers } from '../../state/store/modelMemo';
import { probabilitiesFileName } from '../../data/export/probabilitiesCsv';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { PythonSnippetButton } from './PythonSnippetButton';

/**
 * The grid's split, digit filter, predicted classes, map region and sort as numpy selections of
 * the notebook's arrays (the model's orders and filter read the Model view's saved probabilities).
 */
export function SelectionPythonButton() {
  const split = useExplorerStore((s) => s.split);
  const digits = useExplorerStore((s) => s.digits);
  const sort = useExplorerStore((s) => s.sort);
  const region = useExplorerStore((s) => s.region);
  const layout = useExplorerStore((s) => s.layout);
  const predicted = useExplorerStore((s) => s.predicted);
  const info = useDatasetInfo();
  const readout = useModelReadout();
  const model = { predicted, suspectByModel: readoutCovers(readout, split), probabilitiesFile: probabilitiesFileName(info), classes: readout?.classes ?? info.classNames.length };
  return (
    <PythonSnippetButton
      label="Selection as Python"
      title="Python for the digits shown"
      code={() => selectionPython(split, digits, sort, region, { layout, coordinatesFile: coordinatesFileName(info, layout) }, model)}
    />
  );
}
