/** Numbers as a chart's text alternative writes them. */

/** A drawn value in at most 4 significant digits; "none" where the chart draws no point. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'none';
  return String(+value.toPrecision(4));
}
