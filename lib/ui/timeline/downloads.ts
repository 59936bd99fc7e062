/**
 * Saves text as a file from an extension page. `URL.createObjectURL` does not exist in a service worker
 * (toolchain notes), so downloads are built here, in the page, with an <a download>: no `downloads`
 * permission needed.
 */
export function downloadText(doc: Document, fileName: string, mime: string, text: string): void {
  const view = doc.defaultView!;
  const url = view.URL.createObjectURL(new view.Blob([text], { type: mime }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in Firefox; a minute is plenty for the browser to read it.
  view.setTimeout(() => view.URL.revokeObjectURL(url), 60_000);
}

/** Reads a file the reader picked, refusing sizes no backup reaches before reading a byte. */
export async function readPickedFile(file: File, maxBytes: number): Promise<string> {
  // Megabytes as the importer counts them (lib/export/backup.ts): 1,048,576 bytes.
  const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
  if (file.size > maxBytes) throw new Error(`The file is ${mb(file.size)} MB; a Libya Lens backup is never larger than ${mb(maxBytes)} MB.`);
  return file.text();
}
