import { useState, type DragEvent } from 'react';
import { CATALOG } from '../../data/dataset/catalog';
import { datasetForFileNames } from '../../data/sources/localFiles';
import { datasetOfSource } from '../../data/sources/sources';
import { loadSource } from '../../state/jobs/datasetLoader';
import { explorerStore } from '../../state/store/explorerStore';

/**
 * Drag-and-drop of the visitor's own files anywhere on the page: read where they are, never
 * uploaded. Which dataset they are is told by their names, else it is the one on screen.
 */
export function useFileDrop() {
  const [dragging, setDragging] = useState(false);
  const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');
  return {
    dragging,
    handlers: {
      onDragOver: (event: DragEvent) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      },
      onDragLeave: (event: DragEvent) => {
        if (event.currentTarget === event.target) setDragging(false);
      },
      onDrop: (event: DragEvent) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setDragging(false);
        const files = [...event.dataTransfer.files];
        if (files.length === 0) return;
        const { loadedSource } = explorerStore.getState();
        const shown = CATALOG[loadedSource ? datasetOfSource(loadedSource) : 'mnist'];
        const entry = datasetForFileNames(files.map((f) => f.name), Object.values(CATALOG), shown);
        loadSource({ kind: 'local', dataset: entry.id, files });
      },
    },
  };
}
