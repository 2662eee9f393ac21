// Writes `name.br` (brotli, quality 11) next to every text and wasm file in the folder given
// (`cargo xtask build` writes the `.gz` copies with gzip -9), for static hosts that serve
// precompressed files
// (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`, S3/CDN uploads with
// Content-Encoding). Prints each file's sizes. Usage: node build/precompress.mjs dist
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node build/precompress.mjs DIST_DIR');
  process.exit(2);
}
const worth = /\.(html|js|css|wasm|svg|csv)$/;
for (const name of (await readdir(dir)).filter((n) => worth.test(n)).sort()) {
  const file = path.join(dir, name);
  const raw = await readFile(file);
  const br = zlib.brotliCompressSync(raw, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  });
  await writeFile(`${file}.br`, br);
  console.error(`precompress: ${name}: ${raw.length} bytes, brotli ${br.length}`);
}
