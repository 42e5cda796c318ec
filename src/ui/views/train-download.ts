/** Saves bytes made in a worker as a file: a same-origin Blob URL, no network involved. */
export function downloadBytes(bytes: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // Revoked later: the download reads the Blob asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
