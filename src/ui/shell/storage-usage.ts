/** Storage used and granted for this site, and whether it is persistent. */
export interface StorageUsage {
  usage: number;
  quota: number;
  persisted: boolean;
}

/** Reads navigator.storage; null where the browser has no StorageManager. */
export async function readStorageUsage(): Promise<StorageUsage | null> {
  if (!navigator.storage?.estimate) return null;
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  const persisted = (await navigator.storage.persisted?.()) ?? false;
  return { usage, quota, persisted };
}

/** Asks the browser not to evict our data under storage pressure (after the first import). */
export async function requestPersistence(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}
