import { selectionPython } from '../../data/export/pythonSnippet';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { PythonSnippetButton } from './PythonSnippetButton';

/** The grid's split, digit filter, map region and sort as numpy selections of the notebook's arrays. */
export function SelectionPythonButton() {
  const split = useExplorerStore((s) => s.split);
  const digits = useExplorerStore((s) => s.digits);
  const sort = useExplorerStore((s) => s.sort);
  const region = useExplorerStore((s) => s.region);
  return <PythonSnippetButton label="Selection as Python" title="Python for the digits shown" code={() => selectionPython(split, digits, sort, region)} />;
}
