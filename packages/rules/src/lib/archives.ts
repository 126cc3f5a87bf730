/** File name endings of the archives hadolint treats as ones `ADD` unpacks (hadolint's `archiveFileFormatExtensions`). */
export const ARCHIVE_EXTENSIONS = ['.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz', '.tpz', '.txz', '.xz'];

/** Compressions BuildKit also detects that hadolint's list lacks: `ADD` may unpack these too. */
const OTHER_COMPRESSED = ['.zst', '.zstd', '.tzst'];

/** True when the path ends like an archive `ADD` unpacks, by hadolint's list. */
export function isArchivePath(path: string): boolean {
  return ARCHIVE_EXTENSIONS.some((extension) => path.endsWith(extension));
}

/** True when the path may be a compressed archive outside hadolint's list (zstd). */
export function mayBeOtherArchive(path: string): boolean {
  return OTHER_COMPRESSED.some((extension) => path.toLowerCase().endsWith(extension));
}

/** True for the remote sources of `ADD`: http(s) URLs and git repositories. */
export function isRemoteSource(path: string): boolean {
  return /^https?:\/\//i.test(path) || /^git@/.test(path) || /^git:\/\//.test(path) || /^ssh:\/\//.test(path) || /\.git(#.*)?$/.test(path);
}
