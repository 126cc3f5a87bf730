// node:crypto, loaded when first used rather than with the CLI (process.getBuiltinModule, Node >= 20.16):
// a lint that keeps no cache and writes no file hashes nothing, and loading the module is ~3 ms of a
// one-file run.

/** The SHA-256 of `data` (a string as UTF-8), in hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(data).digest('hex');
}

/** `bytes` random bytes in hex: the unguessable part of a temp file's name. */
export function randomHex(bytes: number): string {
  return process.getBuiltinModule('node:crypto').randomBytes(bytes).toString('hex');
}
