import type { LoggedOperation, Operation } from '../core/clean/operations';
import type { ImportProgress } from '../core/table/import-csv';
import type { DatasetMeta } from '../core/table/types';

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
};
