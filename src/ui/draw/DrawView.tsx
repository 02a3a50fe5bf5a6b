import type { Dataset } from '../../data/dataset/dataset';

// Placeholder while the view is built (branch m23 only; never lands like this).
export function DrawView({ dataset }: { dataset: Dataset }) {
  return <section aria-label="Draw">{dataset.info.title}</section>;
}
