// The app's one entry, kept small: reads the link into the store and starts the loader worker,
// then React and the UI arrive as a separate chunk. Its download starts first and the worker is
// created while it is on its way, so fetching and inflating MNIST overlap with React loading.
// Nothing here imports React.
import { startUrlSync } from './state/app/urlSync';
import { startJobs } from './state/jobs/scheduler';
import { startServiceWorker } from './state/app/serviceWorker';
import { whenLoaderIdle } from './state/jobs/datasetLoader';
// The styles come with the entry (a <link> in the page's head), so the static shell is styled
// from the first paint, not when the UI chunk arrives.
import './styles.css';

// Evaluated only after this module has run, so the store is set up before the UI reads it.
const ui = import('./main');
startUrlSync();
startJobs();
startServiceWorker(whenLoaderIdle);
void ui;
