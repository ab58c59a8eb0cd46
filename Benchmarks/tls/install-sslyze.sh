#!/usr/bin/env bash
# Installs sslyze (from PyPI) into a virtual environment under .build/sslyze-venv, once.
# Idempotent: does nothing when sslyze is already installed there. Prints the sslyze version.
# Usage: Benchmarks/tls/install-sslyze.sh   (run from anywhere inside the repository)
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="${SSLYZE_VENV:-$root/.build/sslyze-venv}"
version="${SSLYZE_VERSION:-}"

if [ ! -x "$venv/bin/sslyze" ]; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --upgrade pip
    if [ -n "$version" ]; then
        "$venv/bin/python" -m pip install --quiet "sslyze==$version"
    else
        "$venv/bin/python" -m pip install --quiet sslyze
    fi
fi

installed="$("$venv/bin/python" -m pip show sslyze 2>/dev/null | sed -n 's/^Version: //p')"
echo "sslyze $installed at $venv/bin/sslyze"
