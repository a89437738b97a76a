// The packed npm package as it would be published: the tarball that
// scripts/build.sh writes to target/pack, read entry by entry (a .tgz is a
// gzipped ustar archive: 512-byte headers, contents padded to 512 bytes), so
// the tests see exactly what `npm publish` would upload.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** The path of the packed tarball; fails clearly when the package is not built. */
export function tarballPath() {
  const dir = join(root, 'target/pack');
  let names = [];
  try {
    names = readdirSync(dir).filter((f) => /^servicer-events-.*\.tgz$/.test(f));
  } catch {
    // no target/pack yet: reported below
  }
  if (names.length !== 1) {
    throw new Error(`expected one target/pack/servicer-events-*.tgz, found ${names.length}: run bash scripts/build.sh`);
  }
  return join(dir, names[0]);
}

/** Size of the tarball in bytes (what npm calls "package size"). */
export function packedSize() {
  return statSync(tarballPath()).size;
}

/**
 * Every regular file in the tarball: `{ path, size, content }`, with the
 * leading `package/` removed from the path.
 */
export function tarballFiles() {
  const tar = gunzipSync(readFileSync(tarballPath()));
  const files = [];
  let longName = null;
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break; // end of archive
    const field = (from, length) => header.subarray(from, from + length).toString('latin1').replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const prefix = field(345, 155);
    const content = tar.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      // A pax header: only `path` matters here (npm writes one for long names).
      const path = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(content.toString('utf8'));
      longName = path ? path[1] : null;
      continue;
    }
    if (type !== '0') continue; // directories and other entry types carry no file
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = null;
    files.push({ path: name.replace(/^package\//, ''), size, content: Buffer.from(content) });
  }
  return files;
}
