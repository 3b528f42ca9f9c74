#!/usr/bin/env bash
# The main job on the bundled sample Confluence: build the extension, start the sample site, drive
# Chromium with the extension loaded, export pages of both sites, write the PDFs to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npx wxt build
npx tsx scripts/demo.ts "$@"
