/**
 * A download's size as GOV.UK writes it beside a link: "812 bytes", "3 KB", "1.2 MB", with a no-break space
 * so that a number never ends a line without its unit.
 * Kilobytes are rounded up, so that a file is never smaller than it is said to be.
 */
export function fileSizeText(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`Not a file size: ${bytes}`);
  if (bytes < 1024) return `${bytes}\u00a0${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)}\u00a0KB`;
  const megabytes = bytes / (1024 * 1024);
  return `${megabytes < 10 ? Math.ceil(megabytes * 10) / 10 : Math.ceil(megabytes)}\u00a0MB`;
}
