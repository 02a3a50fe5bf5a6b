import { useMemo } from 'react';
import { geometryOf, type Dataset } from '../../data/dataset/dataset';
import { isEveryLabel, labelsShown } from '../../data/dataset/labelIndex';
import { fileStemOf } from '../../data/dataset/catalog';
import { computeStatisticsOf } from '../../state/jobs/statisticsRunner';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { formatCount } from '../common/format';
import { ClassAveragesFigure } from './ClassAveragesFigure';
import { ClassBalanceFigure } from './ClassBalanceFigure';
import type { FigureProps } from './figureProps';
import { InkHistogramsFigure } from './InkHistogramsFigure';
import { PixelHistogramFigure } from './PixelHistogramFigure';
import { SuspectList } from '../suspects/SuspectList';
import { NearDuplicates } from '../suspects/NearDuplicates';

/**
 * What is in the data as a whole, for the split and digit filter on screen: class balance, class
 * averages, pixel values and ink. Drawn from the statistics the analysis worker computed.
 */
export function StatisticsView({ dataset }: { dataset: Dataset }) {
  const statistics = useExplorerStore((s) => (s.statistics.status !== 'none' && s.statistics.dataset === dataset ? s.statistics : null));
  const split = useExplorerStore((s) => s.split);
  const digits = useExplorerStore((s) => s.digits);
  const stats = statistics?.status === 'ready' ? statistics.value : null;
  const labels = useMemo(() => ({ train: dataset.train.labels, test: dataset.test.labels }), [dataset]);

  if (!statistics || statistics.status === 'computing') {
    return (
      <div className="stats-view">
        <p aria-live="polite">
          Computing the statistics of all {formatCount(dataset.train.count + dataset.test.count)} {dataset.info.noun.many}…
        </p>
      </div>
    );
  }
  if (statistics.status === 'failed' || !stats) {
    return (
      <div className="stats-view">
        <div role="alert" className="error-banner">
          <p>
            The statistics could not be computed ({statistics.status === 'failed' ? `${statistics.code}: ${statistics.message}` : 'no answer'}).
          </p>
          <button type="button" onClick={() => void computeStatisticsOf(dataset)}>
            Try again
          </button>
        </div>
      </div>
    );
  }
  const props: FigureProps = {
    stats,
    labels,
    split,
    digits: labelsShown(digits, dataset.info),
    everyLabel: isEveryLabel(digits),
    info: dataset.info,
    geometry: geometryOf(dataset),
    fileStem: fileStemOf(dataset.info, split, digits),
  };
  return (
    <div className="stats-view">
      <p className="hint">
        {statistics.kept
          ? `Kept with the decoded copy (computed from its pixels in ${statistics.ms.toFixed(0)} ms when it was first loaded).`
          : `Computed from the decoded pixels in a worker in ${statistics.ms.toFixed(0)} ms.`}{' '}
        The split and the {dataset.info.noun.filter.toLowerCase()} above apply to every figure.
      </p>
      <ClassBalanceFigure {...props} />
      <ClassAveragesFigure {...props} />
      <PixelHistogramFigure {...props} />
      <InkHistogramsFigure {...props} />
      <SuspectList dataset={dataset} />
      <NearDuplicates dataset={dataset} />
    </div>
  );
}
