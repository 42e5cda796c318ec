/** uPlot options for the profile's bar charts: a numeric histogram and a top-values bar list. */
import uPlot from 'uplot';
import { formatNumber } from './chart-text';

/** A chart ready for `new uPlot(options, data, element)`, with its numbers as a table. */
export interface BarsSpec {
  options: uPlot.Options;
  data: uPlot.AlignedData;
  /** The text alternative: what each bar stands for and its count. */
  table: { head: [string, string]; rows: Array<[string, string]> };
}

const FILL = 'rgba(31, 111, 92, 0.55)';
const STROKE = '#1f6f5c';
const AXIS = { stroke: '#5e6b66', grid: { stroke: '#eef2f0' }, ticks: { show: false } };
const FONT = '11px system-ui, sans-serif';
const LABEL_CHARS = 24;
/** Most of the chart's width the category labels may take. */
const LABEL_SHARE = 0.5;

let measurer: CanvasRenderingContext2D | null | undefined;

/** Width of `text` in the axis font; an estimate where no canvas is at hand (Node). */
function textWidth(text: string): number {
  if (measurer === undefined)
    measurer =
      typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 6.5;
  measurer.font = FONT;
  return measurer.measureText(text).width;
}

/** `text` cut with "…" to fit `max` pixels (the full text is in the chart's table). */
function fitLabel(text: string, max: number): string {
  let label = text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text;
  while (label.length > 2 && textWidth(label) > max) label = `${label.slice(0, -2)}…`;
  return label;
}

/** Shared parts: no legend, no zoom, no cursor (the card lists the exact numbers as text). */
function base(width: number, height: number): Omit<uPlot.Options, 'series'> {
  return {
    width,
    height,
    legend: { show: false },
    cursor: { show: false, drag: { x: false, y: false } },
  };
}

/** Compact tick label: 12000 → "12k", 0.25 → "0.25". */
function tick(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toPrecision(3)}M`;
  if (a >= 1e3) return `${+(v / 1e3).toPrecision(3)}k`;
  return `${+v.toPrecision(3)}`;
}

/** Vertical bars over equal-width bins: `edges` has one more entry than `counts`. */
export function histogramSpec(
  edges: readonly number[],
  counts: readonly number[],
  width: number,
  options: { height?: number; xTick?: (v: number) => string } = {},
): BarsSpec {
  const { height = 130, xTick = tick } = options;
  const centers = counts.map((_, i) => (edges[i] + edges[i + 1]) / 2);
  const lo = edges[0];
  const hi = edges[edges.length - 1];
  return {
    table: {
      head: ['bin', 'count'],
      rows: counts.map((count, i) => [
        `${formatNumber(edges[i])} to ${formatNumber(edges[i + 1])}`,
        String(count),
      ]),
    },
    data: [centers, [...counts]],
    options: {
      ...base(width, height),
      scales: {
        x: { time: false, range: () => (hi > lo ? [lo, hi] : [lo - 1, hi + 1]) },
        y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
      },
      axes: [
        { ...AXIS, font: FONT, size: 28, values: (_u, splits) => splits.map(xTick) },
        { ...AXIS, font: FONT, size: 40, values: (_u, splits) => splits.map(tick) },
      ],
      series: [
        {},
        {
          fill: FILL,
          stroke: STROKE,
          width: 1,
          points: { show: false },
          paths: uPlot.paths.bars!({ size: [1, Infinity], gap: 1, align: 0 }),
        },
      ],
    },
  };
}

/** Horizontal bars, one per value (most frequent on top), labelled on the left. */
export function topValuesSpec(
  values: readonly { value: string; count: number }[],
  width: number,
): BarsSpec {
  // The label axis is as wide as its longest label, up to LABEL_SHARE of the chart; longer
  // labels are cut to fit rather than clipped by the canvas edge.
  const labels = values.map((v) => fitLabel(v.value, width * LABEL_SHARE - 8));
  const labelAxis = Math.ceil(Math.max(24, ...labels.map(textWidth)) + 10);
  const index = values.map((_, i) => i);
  return {
    table: { head: ['value', 'count'], rows: values.map((v) => [v.value, String(v.count)]) },
    data: [index, values.map((v) => v.count)],
    options: {
      ...base(width, 28 + 18 * Math.max(1, values.length)),
      scales: {
        x: { time: false, ori: 1, dir: 1, range: [-0.5, Math.max(0.5, values.length - 0.5)] },
        y: { ori: 0, dir: 1, range: (_u, _min, max) => [0, Math.max(1, max)] },
      },
      axes: [
        {
          ...AXIS,
          font: FONT,
          side: 3,
          size: labelAxis,
          grid: { show: false },
          splits: () => index,
          values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
        },
        { ...AXIS, font: FONT, side: 2, size: 24, values: (_u, splits) => splits.map(tick) },
      ],
      series: [
        {},
        {
          fill: FILL,
          stroke: STROKE,
          width: 1,
          points: { show: false },
          paths: uPlot.paths.bars!({ size: [0.7, 16], align: 0 }),
        },
      ],
    },
  };
}
