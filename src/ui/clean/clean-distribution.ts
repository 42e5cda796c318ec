/** The flagged column's distribution as a uPlot bar chart, with the row's own value marked. */
import type { RowEvidence } from '../../protocol/priority-methods';
import { histogramSpec, topValuesSpec, type BarsSpec } from '../charts/uplot-bars';
import uPlot from 'uplot';

const MARK_FILL = 'rgba(192, 57, 43, 0.85)';
const MARK_STROKE = '#c0392b';

type Distribution = NonNullable<RowEvidence['distribution']>;

/** Index of the bar holding the row's value, or -1 (missing value, or not among the top values). */
export function markedBar(d: Distribution): number {
  if (d.value === null) return -1;
  if (d.bins) {
    const x = Number(d.value);
    if (!Number.isFinite(x)) return -1;
    const last = d.bins.length - 1;
    return d.bins.findIndex(([from, to], i) => x >= from && (x < to || (i === last && x <= to)));
  }
  return d.top ? d.top.findIndex(([value]) => value === d.value) : -1;
}

/** The chart: the column's bars, and the marked bar drawn over them in another colour. */
export function distributionSpec(d: Distribution, width: number): BarsSpec | null {
  let spec: BarsSpec;
  if (d.bins && d.bins.length > 0) {
    const edges = [...d.bins.map((b) => b[0]), d.bins[d.bins.length - 1][1]];
    spec = histogramSpec(
      edges,
      d.bins.map((b) => b[2]),
      width,
      { height: 120 },
    );
  } else if (d.top && d.top.length > 0) {
    spec = topValuesSpec(
      d.top.map(([value, count]) => ({ value, count })),
      width,
    );
  } else return null;
  const at = markedBar(d);
  const counts = spec.data[1] as number[];
  const marked = counts.map((count, i) => (i === at ? count : null));
  const bars = spec.options.series[1];
  const table = {
    ...spec.table,
    rows: spec.table.rows.map(([what, count], i): [string, string] =>
      i === at ? [`${what} (this row)`, count] : [what, count],
    ),
  };
  return {
    table,
    data: [...spec.data, marked] as uPlot.AlignedData,
    options: {
      ...spec.options,
      series: [...spec.options.series, { ...bars, fill: MARK_FILL, stroke: MARK_STROKE }],
    },
  };
}
