/** The fault-injecting file server the browser tests point custom URLs at. */
export const FAULT_SERVER_PORT = 4174;
export const FAULT_SERVER = `http://127.0.0.1:${FAULT_SERVER_PORT}`;
/** The same server under another origin (localhost, not 127.0.0.1): a cross-origin redirect target. */
export const FAULT_SERVER_ALIAS = `http://localhost:${FAULT_SERVER_PORT}`;
