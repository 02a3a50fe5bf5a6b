import { useMemo } from 'react';
import { geometryOf, type Dataset } from '../../data/dataset/dataset';
import { isEveryLabel, labelsShown } from '../../data/dataset/labelIndex';
import { fileStemOf } from '../../data/dataset/catalog';
import { askFor } from '../../state/jobs/scheduler';
import { stateFor } from '../../state/store/analysisState';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { AnalysisStatus } from '../common/AnalysisStatus';
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
  const statistics = useExplorerStore((s) => stateFor(s.analyses.statistics, dataset));
  const split = useExplorerStore((s) => s.split);
  const digits = useExplorerStore((s) => s.digits);
  const labels = useMemo(() => ({ train: dataset.train.labels, test: dataset.test.labels }), [dataset]);

  if (statistics.status !== 'ready') {
    const all = `${formatCount(dataset.train.count + dataset.test.count)} ${dataset.info.noun.many}`;
    return (
      <div className="stats-view">
        <AnalysisStatus
          state={statistics.status === 'none' ? { status: 'computing', dataset, subject: null, progress: null } : statistics}
          progressName="Computing the statistics"
          computing={`Computing the statistics of all ${all}…`}
          failed="The statistics could not be computed"
          cancelled="The statistics were not computed."
          onRetry={() => askFor('statistics')}
        />
      </div>
    );
  }
  const stats = statistics.value;
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
