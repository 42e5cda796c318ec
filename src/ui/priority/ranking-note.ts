/** Words and times for a ranking made again after a reload. */

/** The time to store with a ranking (ISO 8601). */
export function rankedNow(): string {
  return new Date().toISOString();
}

/** The note shown when the stored ranking (made at `rankedAt`) was made again after a reload. */
export function remadeNote(rankedAt: string, steps: number): string {
  const when = new Date(rankedAt).toLocaleString();
  const applied = steps
    ? `, with the ${steps} step${steps === 1 ? '' : 's'} of the history applied`
    : '';
  return `This ranking was made again after the page reloaded (rankings are held in memory; the last one was made ${when}), on the data as it is now${applied}.`;
}
