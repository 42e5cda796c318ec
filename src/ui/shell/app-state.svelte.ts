import { CleanroomError, isAbortError } from '../../core/errors';
import type { ImportProgress } from '../../core/table/import-csv';
import type { DatasetMeta } from '../../core/table/types';
import type { Client } from '../../protocol/client';
import type { DataMethods } from '../../protocol/data-methods';
import { fetchSample, loadSamples, type Sample } from './samples';
import { readStorageUsage, requestPersistence, type StorageUsage } from './storage-usage';

/** An import under way, as the progress bar shows it. */
export interface ImportState {
  fileName: string;
  progress: ImportProgress | null;
  controller: AbortController;
}

/** The app's shared state: datasets, the open one, the running import, the last error. */
export class AppState {
  datasets = $state.raw<DatasetMeta[]>([]);
  samples = $state.raw<Sample[]>([]);
  openId = $state<string | null>(null);
  importing = $state.raw<ImportState | null>(null);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  storage = $state.raw<StorageUsage | null>(null);

  readonly client: Client<DataMethods>;

  constructor(client: Client<DataMethods>) {
    this.client = client;
  }

  /** The dataset open in the table view, if any. */
  get openDataset(): DatasetMeta | null {
    return this.datasets.find((d) => d.id === this.openId) ?? null;
  }

  /** Loads the dataset list, the samples and the storage figures. */
  async start(): Promise<void> {
    await Promise.all([this.refresh(), loadSamples().then((s) => (this.samples = s))]);
    const discarded = await this.discardInterrupted();
    if (discarded.length > 0)
      this.notice = `An interrupted import was discarded: ${discarded.join(', ')}.`;
  }

  /** Re-reads the dataset list and storage usage from the worker and the browser. */
  async refresh(): Promise<void> {
    try {
      this.datasets = await this.client.call('listDatasets', {});
      if (this.openId && !this.datasets.some((d) => d.id === this.openId)) this.openId = null;
    } catch (error) {
      this.fail(error);
    }
    this.storage = await readStorageUsage().catch(() => null);
  }

  /** Imports a file in the worker with progress; opens it when done. */
  async importFile(file: File): Promise<void> {
    if (this.importing) {
      this.error = 'An import is already running. Wait for it to finish or cancel it first.';
      return;
    }
    const controller = new AbortController();
    this.error = null;
    this.notice = null;
    this.importing = { fileName: file.name, progress: null, controller };
    try {
      const discarded = await this.discardInterrupted();
      const meta = await this.client.call(
        'importFile',
        { file, fileName: file.name, name: file.name.replace(/\.(csv|tsv|txt)$/i, '') },
        {
          signal: controller.signal,
          onProgress: (progress) => {
            if (this.importing?.controller === controller)
              this.importing = { ...this.importing, progress };
          },
        },
      );
      const before = discarded.length
        ? `An interrupted import was discarded (${discarded.join(', ')}). `
        : '';
      this.notice = `${before}Imported ${file.name}: ${meta.rows.toLocaleString('en-US')} rows, ${meta.columns.length} columns.`;
      this.openId = meta.id;
      await requestPersistence().catch(() => false);
    } catch (error) {
      if (isAbortError(error)) this.notice = `Import of ${file.name} cancelled; nothing was kept.`;
      else if (
        error instanceof CleanroomError &&
        (error.code === 'worker-crashed' || error.code === 'worker-stuck')
      ) {
        // A fresh worker removes what the dead one had stored (its import lock died with it).
        const discarded = await this.discardInterrupted();
        const what =
          error.code === 'worker-stuck' ? 'stopped responding and was stopped' : 'stopped';
        this.error = `The background worker ${what} during the import of ${file.name}${discarded.length ? ', and the part it had stored was discarded' : ''}. Your other data is intact; try the import again.`;
      } else this.fail(error);
    } finally {
      this.importing = null;
      await this.refresh();
    }
  }

  /** Removes records of imports whose worker or tab died; returns their names. */
  private discardInterrupted(): Promise<string[]> {
    return this.client.call('discardInterruptedImports', {}).catch((): string[] => []);
  }

  /** Fetches a shipped sample and imports it like a user's file. */
  async openSample(sample: Sample): Promise<void> {
    try {
      await this.importFile(await fetchSample(sample));
    } catch (error) {
      this.fail(error);
    }
  }

  /** Stops the running import; the worker removes what it stored. */
  cancelImport(): void {
    this.importing?.controller.abort();
  }

  /** Deletes a dataset with everything stored for it. */
  async deleteDataset(id: string): Promise<void> {
    try {
      await this.client.call('deleteDataset', { id });
      if (this.openId === id) this.openId = null;
    } catch (error) {
      this.fail(error);
    }
    await this.refresh();
  }

  /** Shows an error to the user as a sentence. */
  fail(error: unknown): void {
    if (error instanceof CleanroomError) this.error = error.message;
    else if (error instanceof Error) this.error = `Something went wrong: ${error.message}`;
    else this.error = `Something went wrong: ${String(error)}`;
  }
}
