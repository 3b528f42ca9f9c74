#!/usr/bin/env bash
# All tests: unit and golden tests (Vitest), then end-to-end tests in real Chromium (Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npx vitest run
npx playwright test
