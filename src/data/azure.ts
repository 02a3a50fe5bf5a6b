// Kept free of imports so vite.config.ts can share it with the app.

/** The Azure Open Datasets container the seed notebook reads. */
export const AZURE_MNIST_URL = 'https://azureopendatastorage.blob.core.windows.net/mnist/';
/**
 * Azure sends no CORS headers, so the app asks its own server, which proxies this path to the
 * container (see vite.config.ts).
 */
export const AZURE_PROXY_PATH = '/azure-mnist/';
