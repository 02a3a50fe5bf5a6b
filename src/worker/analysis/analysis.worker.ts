// Entry point of the analysis worker: wires the worker scope to the handler (and answers the
// UMAP module's own data: URL, which the page's CSP does not let it fetch).
import { createAnalysisHandler } from './analysisHandler';
import { answerDataUrlsLocally } from './dataUrlFetch';
import type { AnalysisRequest } from './protocol';

answerDataUrlsLocally();
const handle = createAnalysisHandler({ post: (reply, transfer) => self.postMessage(reply, { transfer }) });

self.addEventListener('message', (event: MessageEvent<AnalysisRequest>) => handle(event.data));
