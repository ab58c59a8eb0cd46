#!/usr/bin/env bash
# Starts the TLS zoo (Sources/TLSZoo) on loopback, runs sslyze against every server and prints where sslyze
# disagrees with the zoo's expected properties, with sslyze's wall time.
# Usage: Benchmarks/tls/compare-sslyze.sh [--per-host] [--strict]   (options go to sslyze_properties.py)
# Needs sslyze (Benchmarks/tls/install-sslyze.sh installs it into .build/sslyze-venv) and swiftc.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/Benchmarks/tls"
work="$root/.build/tls-zoo"
mkdir -p "$work"

"$here/install-sslyze.sh" >&2
harness="$work/zoo-harness"
if [ ! -x "$harness" ] || [ -n "$(find "$root/Sources/TLSZoo" "$here/ZooHarness.swift" -newer "$harness")" ]; then
    swiftc -O -swift-version 6 -parse-as-library "$root"/Sources/TLSZoo/*.swift "$here/ZooHarness.swift" \
        -o "$harness" 2>&1 | grep -v warning >&2 || true
fi

# The harness serves until its stdin closes: feed it from a fifo held open by this script.
fifo="$work/stdin.$$"
mkfifo "$fifo"
"$harness" "$work/expected.json" <"$fifo" >"$work/targets.txt" &
harness_pid=$!
exec 3>"$fifo"
rm -f "$fifo"
trap 'exec 3>&-; wait "$harness_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 300); do
    [ "$(grep -c '=localhost:' "$work/targets.txt" 2>/dev/null || true)" -gt 0 ] && break
    kill -0 "$harness_pid" 2>/dev/null || { echo "the zoo harness exited" >&2; exit 1; }
    sleep 0.1
done
sleep 0.2
ca_file="$(sed -n 's/^ROOT=//p' "$work/targets.txt")"
python3 "$here/sslyze_properties.py" --targets "$work/targets.txt" --ca-file "$ca_file" \
    --expected "$work/expected.json" "$@" >"$work/sslyze-properties.json"
echo "sslyze's properties: $work/sslyze-properties.json" >&2
