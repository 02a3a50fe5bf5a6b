import { beforeEach, describe, expect, it } from 'vitest';
import { MNIST_INFO } from '../../data/dataset/catalog';
import type { Dataset } from '../../data/dataset/dataset';
import { ALL_DIGITS } from '../../data/dataset/labelIndex';
import { failureOf } from '../../data/sources/loadFailure';
import { initialFacts, toggledDigits, explorerStore } from './explorerStore';

const tinyDataset = (count: number): Dataset => {
  const split = (name: 'train' | 'test') => ({ split: name, count, images: new Uint8Array(count * 784), labels: new Uint8Array(count) });
  return { train: split('train'), test: split('test'), rows: 28, cols: 28, info: MNIST_INFO, warnings: [] };
};

describe('digit filter toggling', () => {
  it('narrows All to the clicked digit, then adds and removes digits', () => {
    expect(toggledDigits(ALL_DIGITS, 3)).toEqual([3]);
    expect(toggledDigits([3], 1)).toEqual([1, 3]);
    expect(toggledDigits([1, 3], 3)).toEqual([1]);
  });

  it('goes back to All when the last digit is removed', () => {
    expect(toggledDigits([4], 4)).toBe(ALL_DIGITS);
  });
});

describe('loading in the store', () => {
  beforeEach(() => explorerStore.setState(initialFacts));

  it('keeps the loaded dataset when a later load fails', () => {
    const store = explorerStore.getState();
    const first = tinyDataset(3);
    store.loadStarted(1, { kind: 'bundled' });
    store.loadSucceeded(1, { dataset: first, files: [], shared: true, decodeMs: 5, fromKeptCopy: false, offline: false });
    store.loadStarted(2, { kind: 'custom', baseUrl: 'http://x.test/' });
    const failure = failureOf(
      { code: 'http', detail: { status: 404, statusText: 'Not Found' } },
      { slot: 'train-images', name: 'train-images-idx3-ubyte.gz', url: 'http://x.test/train-images-idx3-ubyte.gz' },
    );
    store.loadFailed(2, failure);
    const state = explorerStore.getState();
    expect(state.dataset).toBe(first);
    expect(state.loadedSource).toEqual({ kind: 'bundled' });
    expect(state.load).toEqual({ status: 'failed', source: { kind: 'custom', baseUrl: 'http://x.test/' }, failure });
  });

  it('ignores replies to a load that is no longer current', () => {
    const store = explorerStore.getState();
    store.loadStarted(1, { kind: 'bundled' });
    store.loadStarted(2, { kind: 'azure' });
    store.loadSucceeded(1, { dataset: tinyDataset(2), files: [], shared: false, decodeMs: 1, fromKeptCopy: false, offline: false });
    expect(explorerStore.getState().dataset).toBeNull();
    store.loadFailed(1, failureOf({ code: 'unexpected', detail: { reason: 'late' } }));
    expect(explorerStore.getState().load).toMatchObject({ status: 'loading', requestId: 2 });
  });

  it('closes an open digit that the new dataset does not have, and says so', () => {
    const store = explorerStore.getState();
    store.setOpen({ split: 'test', index: 5 });
    store.loadStarted(1, { kind: 'bundled' });
    store.loadSucceeded(1, { dataset: tinyDataset(2), files: [], shared: false, decodeMs: 1, fromKeptCopy: false, offline: false });
    expect(explorerStore.getState().open).toBeNull();
    expect(explorerStore.getState().linkNotice).toEqual([{ name: 'open', reason: 'names test #5, which this data set does not have' }]);
  });

  it('takes analyses only for the dataset on screen, and forgets them when another is loaded', () => {
    const store = explorerStore.getState();
    const first = tinyDataset(3);
    const second = tinyDataset(4);
    store.loadStarted(1, { kind: 'bundled' });
    store.loadSucceeded(1, { dataset: first, files: [], shared: true, decodeMs: 5, fromKeptCopy: false, offline: false });
    store.analysisChanged('statistics', { status: 'computing', dataset: first, subject: null, progress: null });
    expect(explorerStore.getState().analyses.statistics).toEqual({ status: 'computing', dataset: first, subject: null, progress: null });
    store.loadStarted(2, { kind: 'azure' });
    store.loadSucceeded(2, { dataset: second, files: [], shared: true, decodeMs: 5, fromKeptCopy: false, offline: false });
    expect(explorerStore.getState().analyses.statistics).toEqual({ status: 'none' });
    // A late answer about the dataset no longer shown is dropped.
    store.analysisChanged('statistics', { status: 'failed', dataset: first, subject: null, code: 'failed', message: 'late' });
    expect(explorerStore.getState().analyses.statistics).toEqual({ status: 'none' });
  });
});


describe('showing a selection in the grid', () => {
  beforeEach(() => explorerStore.setState(initialFacts));

  it('sets the view, split, labels and predicted classes in one change, and lets a map region go', () => {
    explorerStore.setState({ view: 'model', region: { shape: 'rect', x0: 0, y0: 0, x1: 1, y1: 1 }, sort: 'ink' });
    const changes: string[] = [];
    const unsubscribe = explorerStore.subscribe((s) => changes.push(`${s.view} ${s.split} ${s.digits.join(',')} ${s.predicted.join(',')} ${s.sort}`));
    explorerStore.getState().showInGrid({ split: 'test', digits: [4], predicted: [9, 9] });
    unsubscribe();
    expect(changes).toEqual(['digits test 4 9 ink']);
    expect(explorerStore.getState().region).toBeNull();
    explorerStore.getState().showInGrid({ sort: 'suspect', digits: [], predicted: [] });
    expect(explorerStore.getState()).toMatchObject({ split: 'test', digits: ALL_DIGITS, predicted: [], sort: 'suspect' });
  });
});
