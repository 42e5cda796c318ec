import { CleanroomError } from '../../src/core/errors';

/** Streams a Blob's bytes without reading it whole (large files stay on disk); throws once `signal` aborts. */
export async function* blobBytes(blob: Blob, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    while (true) {
      if (signal?.aborted) throw new CleanroomError('aborted', 'Import cancelled.');
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
