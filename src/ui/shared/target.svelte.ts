/**
 * The target column chosen per dataset, shared by every tab (Profile, Issues, Priority, Clean,
 * Train) and kept in IndexedDB through the data worker, so a reload keeps it.
 */
import type { Client } from '../../protocol/client';
import type { DataMethods } from '../../protocol/data-methods';

class TargetChoice {
  private byDataset = $state<Record<string, string | null>>({});
  private client: Client<DataMethods> | null = null;
  /** Reads under way or done, per dataset (bookkeeping, never rendered). */
  private readonly loading = new Map<string, Promise<void>>();

  /** The chosen target of dataset `id`, or null (also while the stored one is being read). */
  get(id: string): string | null {
    return this.byDataset[id] ?? null;
  }

  /**
   * Reads dataset `id`'s stored target once per page; a choice made meanwhile wins. Later `set`
   * calls store through `client`.
   */
  load(client: Client<DataMethods>, id: string): Promise<void> {
    this.client = client;
    let loading = this.loading.get(id);
    if (!loading) {
      loading = client
        .call('getSettings', { id })
        .then((settings) => {
          if (this.byDataset[id] === undefined && settings.target !== null)
            this.byDataset[id] = settings.target;
        })
        .catch(() => undefined);
      this.loading.set(id, loading);
    }
    return loading;
  }

  /** Chooses `name` (null: none) as dataset `id`'s target and stores it. */
  set(id: string, name: string | null): void {
    if (this.byDataset[id] === name) return;
    this.byDataset[id] = name;
    // Storing is best effort: a failure leaves the choice for this page's life.
    void this.client?.call('updateSettings', { id, changes: { target: name } }).catch(() => {});
  }
}

/** The one shared choice. */
export const targetChoice = new TargetChoice();
