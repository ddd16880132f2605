/** Saves a Blob under a name through a download link, as a click on the page does. */
export function saveFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  // In the document while clicked: some browsers start a download only from a connected link.
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started; a minute is plenty for the browser to take it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
