#!/usr/bin/env bash
# Yew's floor, for BENCHMARKS.md (issue #17 [perf]): builds a Yew 0.21 island that renders one
# number (src/main.rs) the way the widget's wasm is built, and prints its sizes, so the
# widget's figures can be read against what any client-rendered Yew island costs.
# The steps are those of `trunk build --release` (Trunk 0.21.14) for the widget:
#   cargo build --release --target wasm32-unknown-unknown   (profile as in /Cargo.toml)
#   wasm-bindgen --target=web --no-typescript                (what Trunk passes in release)
#   wasm-opt -Oz                                            (index.html: data-wasm-opt="z")
# with the same tools: wasm-bindgen-cli 0.2.130, wasm-opt 132 from node_modules (npm
# binaryen@132). Trunk does not minify the glue (Trunk.toml leaves `minify` at "never").
# Sizes: gzip -9 -n (as xtask/src/sizes.rs), brotli quality 11 (as build/precompress.mjs).
# Usage: bench/floor/measure.sh   (from anywhere; the build goes to bench/floor/target)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export PATH="$root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TARGET_DIR="$here/target"
cd "$here"

wasm-bindgen --version | grep -q ' 0.2.130' || { echo "need wasm-bindgen-cli 0.2.130 (cargo xtask build installs it)" >&2; exit 1; }
wasm-opt --version | grep -q 'version 132' || { echo "need wasm-opt 132: npm ci at the top of the repository" >&2; exit 1; }

cargo build --release --locked --target wasm32-unknown-unknown
out="$CARGO_TARGET_DIR/out"
rm -rf "$out" "$CARGO_TARGET_DIR/bindgen"
mkdir -p "$out" "$CARGO_TARGET_DIR/bindgen"
wasm-bindgen --target=web --out-dir="$CARGO_TARGET_DIR/bindgen" --out-name=floor --no-typescript \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/floor.wasm"
wasm-opt --output="$out/floor_bg.wasm" -Oz "$CARGO_TARGET_DIR/bindgen/floor_bg.wasm"
cp "$CARGO_TARGET_DIR/bindgen/floor.js" "$out/floor.js"

raw() { wc -c < "$1" | tr -d ' '; }
gz() { gzip -9 -n -c < "$1" | wc -c | tr -d ' '; }
br() {
  if command -v brotli > /dev/null; then
    brotli -q 11 -c < "$1" | wc -c | tr -d ' '
  else
    node -e 'const z=require("zlib"),b=require("fs").readFileSync(process.argv[1]);
      console.log(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11,[z.constants.BROTLI_PARAM_SIZE_HINT]:b.length}}).length)' "$1"
  fi
}
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1000 }'; }

w="$out/floor_bg.wasm" j="$out/floor.js"
wr=$(raw "$w") wg=$(gz "$w") wb=$(br "$w")
jr=$(raw "$j") jg=$(gz "$j") jb=$(br "$j")
printf '%-12s %10s %10s %10s\n' "" raw gzip-9 brotli-11
printf '%-12s %10s %10s %10s\n' wasm "$wr" "$wg" "$wb"
printf '%-12s %10s %10s %10s\n' "glue js" "$jr" "$jg" "$jb"
printf '%-12s %10s %10s %10s\n' "wasm + glue" $((wr + jr)) $((wg + jg)) $((wb + jb))
echo "gzip: wasm $(kb "$wg") + glue $(kb "$jg") = $(kb $((wg + jg))); brotli: wasm $(kb "$wb") + glue $(kb "$jb") = $(kb $((wb + jb)))"
