import { useStore } from 'zustand';
import { explorerStore, type ExplorerState } from './explorerStore';

/** Subscribes a component to one slice of the store; it re-renders only when that slice changes. */
export function useExplorerStore<T>(selector: (state: ExplorerState) => T): T {
  return useStore(explorerStore, selector);
}
