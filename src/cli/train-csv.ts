/** Minimal RFC 4180 CSV writing for CLI outputs. */

/** Quotes a field when it holds a delimiter, quote or line break. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (no line break). */
export function csvLine(values: (string | number | null)[]): string {
  return values.map(csvField).join(',');
}
