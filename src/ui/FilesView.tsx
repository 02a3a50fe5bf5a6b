import { useEffect, useMemo } from 'react';
import { SOURCE_LABELS } from '../data/sources';
import { useExplorerStore } from '../state/useExplorerStore';

const TYPE_NAMES: Record<number, string> = { 0x08: 'unsigned byte' };

/**
 * The notebook's file dataset (`get_file_dataset()`): the four files as they were served, their
 * IDX headers, SHA-256 and where they came from, with downloads of exactly those bytes.
 */
export function FilesView() {
  const files = useExplorerStore((s) => s.loadedFiles);
  const source = useExplorerStore((s) => s.loadedSource);
  const links = useMemo(() => files.map((f) => URL.createObjectURL(f.blob)), [files]);
  useEffect(() => () => links.forEach((url) => URL.revokeObjectURL(url)), [links]);
  if (!source) return null;
  return (
    <div className="files-view">
      <p>
        Source: <strong>{SOURCE_LABELS[source.kind]}</strong>
        {source.kind === 'custom' && <> — {source.baseUrl}</>}
      </p>
      <table className="files-table" aria-label="Files">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Bytes as served</th>
            <th scope="col">Format</th>
            <th scope="col">Bytes inflated</th>
            <th scope="col">IDX magic</th>
            <th scope="col">Type</th>
            <th scope="col">Dimensions</th>
            <th scope="col">SHA-256 (as served)</th>
            <th scope="col">From</th>
            <th scope="col">Download</th>
          </tr>
        </thead>
        <tbody>
          {files.map((file, i) => (
            <tr key={file.name}>
              <th scope="row">{file.name}</th>
              <td className="num">{file.servedBytes}</td>
              <td>{file.format === 'gzip' ? 'gzip' : 'raw IDX'}</td>
              <td className="num">{file.inflatedBytes}</td>
              <td className="mono">{file.magic}</td>
              <td>
                0x{file.idxType.toString(16).padStart(2, '0')} ({TYPE_NAMES[file.idxType] ?? 'other'})
              </td>
              <td>{file.dims.join(' × ')}</td>
              <td className="mono sha">{file.sha256 ?? 'computing…'}</td>
              <td className="url">{file.url}</td>
              <td>
                <a href={links[i]} download={file.name}>
                  Download {file.name}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
