import { publishedFile, type PublishedFile } from '../../data/dataset/publishedFiles';
import { datasetOfSource, SOURCE_LABELS } from '../../data/sources/sources';
import { CATALOG } from '../../data/dataset/catalog';
import { downloadBlob } from '../../render/downloadBlob';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import type { LoadedFileInfo } from '../../worker/loader/protocol';
import { formatCount } from '../common/format';

const TYPE_NAMES: Record<number, string> = { 0x08: 'unsigned byte' };

type Verdict = { readonly text: string; readonly ok: boolean | null };

/** How the file served compares with the published original, by SHA-256 of the .gz and of its IDX. */
function compareWithPublished(file: LoadedFileInfo, published: PublishedFile): Verdict {
  if (file.sha256 === null || file.idxSha256 === null) return { text: 'checking…', ok: null };
  if (file.sha256 === published.gzSha256) return { text: 'the original .gz, byte for byte', ok: true };
  if (file.idxSha256 === published.idxSha256) {
    return file.format === 'idx'
      ? { text: 'the original file served inflated: its IDX bytes are identical', ok: true }
      : { text: 'recompressed: this .gz is not the published one, but its IDX bytes are identical to the original’s', ok: true };
  }
  return { text: `differs from the published file (${published.gzSha256 ? 'both the .gz and ' : ''}the IDX bytes)`, ok: false };
}

/**
 * Said when the bytes received are not the bytes the server stored: a server that marks .gz files
 * Content-Encoding: gzip has the browser inflate them on the way, so the page never sees the .gz.
 */
function transportNote(file: LoadedFileInfo): string | null {
  if (file.transportEncoding) {
    return `the server sent this file with Content-Encoding: ${file.transportEncoding}, so the browser inflated it on the way: size, SHA-256 and download are of the inflated bytes, not of the ${file.transportEncoding} file the server stores`;
  }
  if (file.format === 'idx' && file.name.endsWith('.gz')) {
    return 'a .gz name but raw IDX bytes: either the server stores it inflated, or the transport inflated it (a Content-Encoding the page may not see)';
  }
  return null;
}

/**
 * The notebook's file dataset (`get_file_dataset()`): the four files as they were served, their
 * IDX headers, SHA-256 of what was served and of the inflated IDX, how they compare with the
 * published originals, and downloads of exactly the bytes served.
 */
export function FilesView() {
  const files = useExplorerStore((s) => s.loadedFiles);
  const source = useExplorerStore((s) => s.loadedSource);
  const shown = useExplorerStore((s) => s.dataset?.info.id ?? null);
  if (!source) return null;
  // Compared with the published originals of the dataset on screen, where their bytes are known.
  const datasetId = shown ?? datasetOfSource(source);
  const hasPublished = files.some((f) => publishedFile(datasetId, f.slot) !== null);
  return (
    <div className="files-view">
      <p>
        {CATALOG[datasetId].title} · source: <strong>{SOURCE_LABELS[source.kind]}</strong>
        {source.kind === 'custom' && <> — {source.baseUrl}</>}
      </p>
      <table className="files-table" aria-label="Files">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Bytes as received</th>
            <th scope="col">Format</th>
            <th scope="col">Bytes inflated</th>
            <th scope="col">IDX magic</th>
            <th scope="col">Type</th>
            <th scope="col">Dimensions</th>
            <th scope="col">SHA-256 (as received)</th>
            <th scope="col">SHA-256 (inflated IDX)</th>
            {hasPublished && <th scope="col">Published original</th>}
            <th scope="col">From</th>
            <th scope="col">Download</th>
          </tr>
        </thead>
        <tbody>
          {files.map((file) => {
            const published = publishedFile(datasetId, file.slot);
            const verdict = published && compareWithPublished(file, published);
            return (
              <tr key={file.slot}>
                <th scope="row">{file.name}</th>
                <td className="num">
                  {formatCount(file.servedBytes)}
                  {transportNote(file) && <div className="hint transport-note">{transportNote(file)}</div>}
                </td>
                <td>{file.format === 'gzip' ? 'gzip' : 'raw IDX'}</td>
                <td className="num">{formatCount(file.inflatedBytes)}</td>
                <td className="mono">{file.magic}</td>
                <td>
                  0x{file.idxType.toString(16).padStart(2, '0')} ({TYPE_NAMES[file.idxType] ?? 'other'})
                </td>
                <td>{file.dims.map(formatCount).join(' × ')}</td>
                <td className="mono sha">{file.sha256 ?? 'computing…'}</td>
                <td className="mono sha">{file.idxSha256 ?? 'computing…'}</td>
                {hasPublished && (
                  <td className="published">
                    {published && verdict && (
                      <>
                        <span className={verdict.ok === null ? 'hint' : verdict.ok ? 'match' : 'mismatch'} data-verdict={verdict.ok === null ? 'pending' : verdict.ok ? 'match' : 'mismatch'}>
                          {verdict.text}
                        </span>
                        <span className="hint">
                          {' '}
                          — published:{' '}
                          {published.gzBytes !== null && (
                            <>
                              .gz {formatCount(published.gzBytes)} bytes, SHA-256 <span className="mono sha">{published.gzSha256}</span>;{' '}
                            </>
                          )}
                          IDX {formatCount(published.idxBytes)} bytes, SHA-256 <span className="mono sha">{published.idxSha256}</span>
                        </span>
                      </>
                    )}
                  </td>
                )}
                <td className="url">{file.url.startsWith('blob:') ? 'this computer (opened, not uploaded)' : file.url}</td>
                <td>
                  {/* The blob URL is made on click and lives a minute: URLs made during render were
                      revoked by StrictMode's rehearsal unmount while the links still used them. */}
                  <a href={`#download-${file.slot}`} download={file.name} onClick={(event) => {
                    event.preventDefault();
                    downloadBlob(file.blob, file.name);
                  }}>
                    Download {file.name}
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
