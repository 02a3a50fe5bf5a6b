import { selectionPython } from '../../data/export/pythonSnippet';
import { coordinatesFileName } from '../../data/export/mapCoordinates';
import { useDatasetInfo } from '../../state/store/selectors';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { PythonSnippetButton } from './PythonSnippetButton';

/** The grid's split, digit filter, map region and sort as numpy selections of the notebook's arrays. */
export function SelectionPythonButton() {
  const split = useExplorerStore((s) => s.split);
  const digits = useExplorerStore((s) => s.digits);
  const sort = useExplorerStore((s) => s.sort);
  const region = useExplorerStore((s) => s.region);
  const layout = useExplorerStore((s) => s.layout);
  const info = useDatasetInfo();
  return (
    <PythonSnippetButton
      label="Selection as Python"
      title="Python for the digits shown"
      code={() => selectionPython(split, digits, sort, region, { layout, coordinatesFile: coordinatesFileName(info, layout) })}
    />
  );
}
