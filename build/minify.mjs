// Trunk's pre_build hook: the page's own script and stylesheet, minified, for the release
// build (`target/web/`, which index.html links). The sources in assets/ keep their comments;
// readers download neither. JS: the loader's files (assets/loader/, one per job) bundled by
// esbuild from main.js into one script, then terser; the loader is a classic script (it must
// run before the body is parsed, in every browser), so it is wrapped in a strict function: its
// names stay its own, and mangled. CSS: comments and runs of white space removed, nothing else.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { minify } from 'terser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'target/web');
await mkdir(out, { recursive: true });

// One module with no imports left (and no syntax lowered: the sources are what browsers run).
const bundled = await build({ entryPoints: [path.join(root, 'assets/loader/main.js')], bundle: true, format: 'esm', write: false, charset: 'utf8', legalComments: 'none', logLevel: 'warning' });
const js = bundled.outputFiles[0].text;
const small = await minify(`(() => {\n'use strict';\n${js}\n})();`, { compress: { passes: 2 }, mangle: true, format: { comments: false } });
await writeFile(path.join(out, 'loader.js'), small.code);

/** Strips CSS comments and collapses white space, outside strings (our CSS has a few). */
function squeeze(css) {
  let res = '';
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'") {
      const end = css.indexOf(c, i + 1);
      res += css.slice(i, end + 1);
      i = end;
    } else if (c === '/' && css[i + 1] === '*') {
      i = css.indexOf('*/', i + 2) + 1;
    } else if (/\s/.test(c)) {
      while (/\s/.test(css[i + 1] ?? '')) i++;
      if (!/[{};:,>]/.test(res.at(-1) ?? '{') && !/[{};,>]/.test(css[i + 1] ?? '}')) res += ' ';
    } else {
      res += c;
    }
  }
  return res;
}
const css = await readFile(path.join(root, 'assets/style.css'), 'utf8');
await writeFile(path.join(out, 'style.css'), squeeze(css));
console.error(`minify: loader.js ${js.length} -> ${small.code.length} bytes, style.css ${css.length} -> ${squeeze(css).length} bytes`);
