// Entry point of the CSV worker: one export per worker; the page cancels by terminating it.
import { writeCsv } from './csvWriter';
import type { CsvRequest } from './protocol';

self.addEventListener('message', (event: MessageEvent<CsvRequest>) => writeCsv(event.data, (reply) => self.postMessage(reply)));
