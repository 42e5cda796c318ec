/** Fresh fake-indexeddb databases, hand-built chunks and a quota-failure switch for storage tests. */
import 'fake-indexeddb/auto';
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CleanroomDb } from '../../../src/storage/db';
import { beginImport, type ImportSummary } from '../../../src/storage/import-session';
import { columnMeta, dictEncode } from '../cells';
import { setBit, type ColumnMeta, type StoredColumnChunk } from '../../../src/core/table/types';

/** A database of its own for each test: a fresh factory, so nothing leaks between tests. */
export function freshDb(): CleanroomDb {
  return new CleanroomDb({ name: 'cleanroom-test', indexedDB: new IDBFactory(), IDBKeyRange });
}

/** A stored numeric column chunk; null = missing, a string = unparsed raw text. */
export function numericStored(
  datasetId: string,
  column: number,
  chunk: number,
  cells: Array<number | string | null>,
): StoredColumnChunk {
  const missing = new Uint8Array(Math.ceil(cells.length / 8));
  const values = new Float64Array(cells.length).fill(NaN);
  const unparsedRows: number[] = [];
  const unparsedText: string[] = [];
  cells.forEach((cell, i) => {
    if (cell === null) setBit(missing, i);
    else if (typeof cell === 'string') {
      unparsedRows.push(i);
      unparsedText.push(cell);
    } else values[i] = cell;
  });
  return {
    datasetId,
    column,
    chunk,
    rows: cells.length,
    data: { encoding: 'f64', values },
    missing,
    unparsedRows: Uint32Array.from(unparsedRows),
    unparsedText,
  };
}

/** A stored dictionary-encoded column chunk; null = missing. */
export function dictStored(
  datasetId: string,
  column: number,
  chunk: number,
  cells: Array<string | null>,
): StoredColumnChunk {
  const { codes, dictionary, missing } = dictEncode(cells);
  return {
    datasetId,
    column,
    chunk,
    rows: cells.length,
    data: { encoding: 'dict', codes, dictionary },
    missing,
    unparsedRows: new Uint32Array(0),
    unparsedText: [],
  };
}

/** Column metadata with the fields storage and replay read. */
export const column = columnMeta;

/** An import outcome for `columns` over `rows` rows cut in chunks of `chunkRows`. */
export function summary(columns: ColumnMeta[], rows: number, chunkRows: number): ImportSummary {
  return {
    dialect: {
      encoding: 'utf-8',
      bom: false,
      delimiter: ',',
      quote: '"',
      newline: '\n',
      hasHeader: true,
      decimalComma: false,
    },
    columns,
    rows,
    chunkRows,
    chunkCount: Math.ceil(rows / chunkRows),
    warnings: [],
    storedBytes: rows * columns.length * 8,
  };
}

/** A switch that makes matching writes fail the way a full disk does. */
export interface QuotaSwitch {
  /** Decides per write request; null = let everything through. */
  failWhen: ((table: string, req: DBCoreMutateRequest) => boolean) | null;
  /** How many writes were refused. */
  refused: number;
}

/** Installs a DBCore middleware that throws DOMException('QuotaExceededError') when told to. */
export function installQuotaSwitch(db: CleanroomDb): QuotaSwitch {
  const state: QuotaSwitch = { failWhen: null, refused: 0 };
  db.use({
    stack: 'dbcore',
    name: 'test-quota',
    create: (down: DBCore) => ({
      ...down,
      table(name: string) {
        const table = down.table(name);
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            if (state.failWhen?.(name, req)) {
              state.refused++;
              return Promise.reject(
                new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
              );
            }
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return state;
}

/** Imports hand-built chunks (one array of column chunks per row chunk) as a ready dataset. */
export async function importReady(
  db: CleanroomDb,
  id: string,
  columns: ColumnMeta[],
  chunks: StoredColumnChunk[][],
  chunkRows: number,
  createdAt?: number,
) {
  const session = await beginImport(db, {
    id,
    name: `Dataset ${id}`,
    fileName: `${id}.csv`,
    fileBytes: 1234,
  });
  for (const chunk of chunks) await session.writeChunk(chunk);
  const rows = chunks.reduce((sum, chunk) => sum + chunk[0].rows, 0);
  const meta = await session.commit(summary(columns, rows, chunkRows), 12.7);
  if (createdAt !== undefined) {
    await db.datasets.update(id, { createdAt });
    return { ...meta, createdAt };
  }
  return meta;
}
