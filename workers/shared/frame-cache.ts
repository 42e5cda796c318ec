/**
 * The dataset version an analysis works on, read once and kept: profile and detect on the same
 * version share one frame. The version is the dataset id plus its last operation's sequence.
 */
import { CleanroomError } from '../../src/core/errors';
import type { Frame } from '../../src/core/table/frame';
import type { DatasetMeta } from '../../src/core/table/types';
import { getDataset } from '../../src/storage/datasets-repo';
import type { CleanroomDb } from '../../src/storage/db';
import { listOperations } from '../../src/storage/ops-repo';
import { readFrame } from '../../src/storage/read-frame';
import { abortable } from './abort';

/** A frame with the version it was read at. */
export interface VersionedFrame {
  meta: DatasetMeta;
  version: string;
  frame: Frame;
}

/** Keeps the last frame read (one version: a 1M × 20 frame is a few hundred MB). */
export class FrameCache {
  private last: { version: string; loading: Promise<VersionedFrame> } | null = null;

  constructor(private readonly db: CleanroomDb) {}

  /** The current version of dataset `id`; `onChunk` reports chunks read when it must be read. */
  async load(
    id: string,
    signal: AbortSignal,
    onChunk: (done: number, total: number) => void,
  ): Promise<VersionedFrame> {
    const meta = await getDataset(this.db, id);
    if (!meta)
      throw new CleanroomError(
        'not-found',
        'This dataset no longer exists; it may have been deleted in another tab.',
      );
    const ops = await listOperations(this.db, id);
    const version = `${id}@${ops.at(-1)?.seq ?? 0}`;
    if (this.last?.version !== version) {
      const loading = readFrame(this.db, meta, onChunk).then((frame) => ({
        meta,
        version,
        frame,
      }));
      this.last = { version, loading };
      // A failed read is not kept: the next call tries again.
      loading.catch(() => {
        if (this.last?.loading === loading) this.last = null;
      });
    }
    return abortable(this.last.loading, signal);
  }
}
