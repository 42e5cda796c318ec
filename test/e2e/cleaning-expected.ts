/**
 * The cleaned CSV the app should export, computed in the test process with core code: the
 * fixture read the way the app imports it, the app's own logged operations replayed on it.
 */
import type { Page } from '@playwright/test';
import { loadCsv } from '../../src/cli/load-csv';
import type { LoggedOperation } from '../../src/core/clean/operations';
import { cleanedCsvPieces } from '../../src/core/export/cleaned-csv';
import { frameVersionBand, singleBand } from '../../src/core/export/frame-version';

/** The operation log of `datasetId` as stored in the app's IndexedDB ('cleanroom', store 'ops'). */
export async function storedLog(page: Page, datasetId: string): Promise<LoggedOperation[]> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('cleanroom');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<LoggedOperation[]>((resolve, reject) => {
        const store = db.transaction('ops', 'readonly').objectStore('ops');
        const request = store.index('datasetId').getAll(id);
        request.onsuccess = () =>
          resolve((request.result as LoggedOperation[]).sort((a, b) => a.seq - b.seq));
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, datasetId);
}

/** The cleaned CSV of `csvPath` with `log` replayed (reverts resolved), as the app writes it. */
export async function expectedCleanedCsv(
  csvPath: string,
  log: readonly LoggedOperation[],
): Promise<string> {
  const { outcome, frame } = await loadCsv(csvPath);
  let text = '';
  for await (const piece of cleanedCsvPieces(
    outcome.columns,
    singleBand(frameVersionBand(frame, log)),
  )) {
    text += piece;
  }
  return text;
}
