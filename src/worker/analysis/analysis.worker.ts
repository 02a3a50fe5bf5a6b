// Entry point of the analysis worker: wires the worker scope to the handler, nothing else.
import { createAnalysisHandler } from './analysisHandler';
import type { AnalysisRequest } from './protocol';

const handle = createAnalysisHandler({ post: (reply, transfer) => self.postMessage(reply, { transfer }) });

self.addEventListener('message', (event: MessageEvent<AnalysisRequest>) => handle(event.data));
