import { globalId, type Dataset, type DigitRef } from '../../data/dataset/dataset';
import { positionOf } from '../../data/dataset/labelIndex';
import { isClassLabel, labelShort } from '../../data/dataset/catalog';
import { sortedIdsFor, useStatistics } from '../../state/store/selectors';
import { formatCount, ordinal } from '../common/format';

/**
 * The open digit's ink and its distance to the mean image of its label in its split, with its
 * rank among that class by the distance (the sort `atypical` of that class alone).
 */
export function DigitStatistics({ dataset, digit, label }: { dataset: Dataset; digit: DigitRef; label: number }) {
  const statistics = useStatistics();
  if (!statistics) {
    return (
      <>
        <dt>Ink</dt>
        <dd className="hint">computing…</dd>
      </>
    );
  }
  const { split, index } = digit;
  const stats = statistics[split];
  const ink = stats.ink[index]!;
  if (!isClassLabel(dataset.info, label)) {
    return (
      <>
        <dt>Ink</dt>
        <dd>{formatCount(ink)}</dd>
        <dt>Distance to class mean</dt>
        <dd>none: label {label} is no class of {dataset.info.title}</dd>
      </>
    );
  }
  const distance = stats.distance[index]!;
  const classIds = sortedIdsFor(dataset, split, [label], 'atypical', statistics);
  const rank = positionOf(classIds, globalId(dataset, digit)) + 1;
  return (
    <>
      <dt>Ink</dt>
      <dd>{formatCount(ink)}</dd>
      <dt>Distance to the mean {labelShort(dataset.info, label)}</dt>
      <dd>
        {distance.toFixed(2)}: {rank === 1 ? 'the most' : `${ordinal(rank)} most`} atypical {labelShort(dataset.info, label)} of the {split} split (of {formatCount(classIds.length)})
      </dd>
    </>
  );
}
