#!/usr/bin/env bash
# `npm run gallery`: the kitchen-sink page of both sample sites, exported by the extension
# (npm run demo), rendered to PNG pages under out/gallery/ for a person to look at.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/demo.sh
rm -rf out/gallery && mkdir -p out/gallery
for site in data-center cloud; do
  pdftoppm -png -r 70 "out/${site} - Kitchen Sink.pdf" "out/gallery/${site}-kitchen-sink"
done
ls out/gallery/*.png
