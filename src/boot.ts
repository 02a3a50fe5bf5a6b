// Runs before the React bundle: reads the link into the store and starts the loader worker, so
// fetching and inflating MNIST overlap with React loading. Nothing here imports React.
import { startUrlSync } from './state/urlSync';

startUrlSync();
