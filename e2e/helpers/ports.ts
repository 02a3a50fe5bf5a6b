/**
 * Every port the browser tests use, moved together by E2E_PORT_OFFSET (default 0), so a second
 * checkout on the same machine can run its browser tests beside the first without sharing servers.
 */
const OFFSET = Number(process.env.E2E_PORT_OFFSET) || 0;

/** The fault-injecting file server the browser tests point custom URLs at. */
export const FAULT_SERVER_PORT = 4174 + OFFSET;
export const FAULT_SERVER = `http://127.0.0.1:${FAULT_SERVER_PORT}`;
/** The same server under another origin (localhost, not 127.0.0.1): a cross-origin redirect target. */
export const FAULT_SERVER_ALIAS = `http://localhost:${FAULT_SERVER_PORT}`;
/** The app's production build on the preview server, as `npm start` serves it. */
export const APP_PORT = 4173 + OFFSET;
/** The dev server (`npm run dev`): StrictMode and unbundled modules, for bugs only it shows. */
export const DEV_SERVER_PORT = 5174 + OFFSET;
export const DEV_SERVER = `http://localhost:${DEV_SERVER_PORT}`;
/** The build on a plain static host: no isolation headers, no Azure relay. */
export const STATIC_HOST_PORT = 4175 + OFFSET;
export const STATIC_HOST = `http://127.0.0.1:${STATIC_HOST_PORT}`;
/** The same build again under a sub-path, as GitHub Pages serves a project: https://<user>.github.io/<repo>/. */
export const STATIC_SUB_PATH = '/octo/mnist-explorer/';
