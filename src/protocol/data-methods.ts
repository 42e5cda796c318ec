import type { LoggedOperation, Operation } from '../core/clean/operations';
import type { ReplayReport } from '../core/recipe/replay';
import type { ImportProgress } from '../core/table/import-csv';
import type { DatasetMeta } from '../core/table/types';
import type { DatasetSettings } from '../storage/settings-repo';

/** A page of rows for the table view: cells per requested column, row flags per row. */
export interface RowPage {
  start: number;
  /** Rows actually returned (fewer at the end of the dataset). */
  count: number;
  columns: number[];
  /** cells[c][r]: display text of column columns[c], row start + r; null when missing. */
  cells: (string | null)[][];
  /** invalid[c][r] = 1 when the cell's text does not parse as its column's type. */
  invalid: Uint8Array[];
  /** Rows excluded by the operation log (1 = excluded). */
  excluded: Uint8Array;
}

/** Everything the data worker does: import, list, delete, read pages, the operation log. */
export type DataMethods = {
  importFile: {
    /** `fileName` travels separately: a File's name does not survive every structured clone. */
    params: { file: Blob; name: string; fileName: string };
    result: DatasetMeta;
    progress: ImportProgress;
  };
  listDatasets: { params: Record<string, never>; result: DatasetMeta[]; progress: never };
  /** Removes the half-stored records of imports whose worker or tab died; returns their names. */
  discardInterruptedImports: {
    params: Record<string, never>;
    result: string[];
    progress: never;
  };
  getDataset: { params: { id: string }; result: DatasetMeta; progress: never };
  deleteDataset: { params: { id: string }; result: void; progress: never };
  readRows: {
    params: { id: string; start: number; count: number; columns: number[] };
    result: RowPage;
    progress: never;
  };
  appendOperation: {
    params: { id: string; op: Operation };
    result: LoggedOperation;
    progress: never;
  };
  listOperations: { params: { id: string }; result: LoggedOperation[]; progress: never };
  /** Undo / Redo planned from the log and appended atomically; null when there is nothing to do. */
  undo: { params: { id: string }; result: LoggedOperation | null; progress: never };
  redo: { params: { id: string }; result: LoggedOperation | null; progress: never };
  /** The current version as RFC 4180 CSV (excluded rows left out, formulas guarded). */
  exportCleanedCsv: { params: { id: string }; result: Blob; progress: never };
  /** The recipe (JSON text) of the active operations. */
  exportRecipe: { params: { id: string }; result: string; progress: never };
  /** The column steps as a runnable danfojs script (text). */
  exportDanfoScript: { params: { id: string }; result: string; progress: never };
  /** Replays recipe JSON text: appends what applies in one transaction, reports every step. */
  replayRecipe: { params: { id: string; recipe: string }; result: ReplayReport; progress: never };
  /** Per-dataset settings kept across reloads (the shared target, the last ranking's choices). */
  getSettings: { params: { id: string }; result: DatasetSettings; progress: never };
  /** Merges changes into them; returns the settings now stored. */
  updateSettings: {
    params: { id: string; changes: Partial<Omit<DatasetSettings, 'datasetId'>> };
    result: DatasetSettings;
    progress: never;
  };
};
