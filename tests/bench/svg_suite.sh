#!/usr/bin/env bash
# How many drawings of resvg's SVG test suite the kiosk draws like the reference PNGs, for the
# features our illustrations use, through the kiosk's path (librsvg) and through SDL_image's
# nanosvg. Nothing is downloaded here: give it the suite's tests folder, e.g. from a clone of
# https://github.com/linebender/resvg (crates/resvg/tests/tests). Never commit those files.
#   tests/bench/svg_suite.sh RESVG_TESTS_DIR [BUILD_DIR]   (writes the per-file list to /tmp)
set -euo pipefail
tests=${1:?usage: svg_suite.sh RESVG_TESTS_DIR [BUILD_DIR]}
build=${2:-$(cd "$(dirname "$0")/../.." && pwd)/build/release}
dirs=()
for d in shapes/{rect,circle,ellipse,line,polyline,polygon,path} \
    paint-servers/{linearGradient,radialGradient,stop,stop-color,stop-opacity} \
    painting/{fill,fill-opacity,fill-rule,opacity,stroke,stroke-dasharray,stroke-dashoffset} \
    painting/{stroke-linecap,stroke-linejoin,stroke-miterlimit,stroke-opacity,stroke-width} \
    masking/{clipPath,clip-rule,mask} structure/{transform,use,g,defs}; do
    [ -d "$tests/$d" ] && dirs+=("$tests/$d")
done
[ ${#dirs[@]} -gt 0 ] || { echo "no test folders under $tests (expected shapes/rect, ...)"; exit 1; }
"$build/tests/bench/kiosk-svg-suite" --list /tmp/kiosk-svg-suite.txt "${dirs[@]}"
echo "per file (librsvg, nanosvg): /tmp/kiosk-svg-suite.txt"
