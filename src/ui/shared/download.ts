/** Saves bytes made in a worker as a file: a same-origin Blob URL, no network involved. */
export function downloadBytes(bytes: Uint8Array, fileName: string, type: string): void {
  downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), fileName);
}

/** Saves a Blob (e.g. one the data worker built) as a file, through a same-origin Blob URL. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // Revoked later: the download reads the Blob asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
