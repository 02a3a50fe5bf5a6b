// Kept free of imports so vite.config.ts can share it with the app.

/** The Azure Open Datasets container the seed notebook reads. */
export const AZURE_MNIST_URL = 'https://azureopendatastorage.blob.core.windows.net/mnist/';
/**
 * Azure sends no CORS headers, so the app asks its own server, which proxies this path to the
 * container (see vite.config.ts).
 */
export const AZURE_PROXY_PATH = '/azure-mnist/';

export const FASHION_MNIST_URL = 'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/';
export const KMNIST_URL = 'http://codh.rois.ac.jp/kmnist/dataset/kmnist/';

/**
 * The relay's allow-list: each path of the app's own server (dev and preview) forwards to exactly
 * one publisher's folder, for hosts that send no CORS headers. Never an open proxy: nothing a
 * page or a link says can add a host.
 */
export const RELAYS: readonly { readonly path: string; readonly target: string }[] = [
  { path: AZURE_PROXY_PATH, target: AZURE_MNIST_URL },
  { path: '/relay/fashion-mnist/', target: FASHION_MNIST_URL },
  { path: '/relay/kmnist/', target: KMNIST_URL },
];
