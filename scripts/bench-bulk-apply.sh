#!/bin/bash
# Times one bulk apply of 1,000 moves, and its undo, against a release
# `clustertui serve --demo --demo-instances 2000` (S1's instance count) on
# this machine: the CLI path (`plan` → `apply --yes` → `undo --last --yes`),
# the same BatchApplier the dashboard's plan view runs. Prints the seconds
# and writes per second. Run after `swift build -c release`, machine idle.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/clustertui}
D=$(mktemp -d)
$BIN serve --demo --demo-instances 2000 --port 0 --token-file $D/tok > $D/serve.log 2>&1 &
SP=$!
trap "kill $SP 2>/dev/null; rm -rf $D" EXIT
for i in $(seq 1 50); do grep -q listening $D/serve.log && break; sleep 0.2; done
URL=$(grep -o "http://[0-9.:]*" $D/serve.log | head -1)
export CLUSTERTUI_TOKEN=$(cat $D/tok) XDG_STATE_HOME=$D/state
$BIN plan rebind --filter "is:default" --to worker-03 --mode strict -o json --url $URL > $D/all.json
python3 - $D/all.json $D/plan.json <<'PY'
import json, sys
p = json.load(open(sys.argv[1])); p["items"] = p["items"][:1000]; json.dump(p, open(sys.argv[2], "w"))
print("items:", len(p["items"]))
PY
START=$(date +%s.%N)
$BIN apply $D/plan.json --yes --url $URL > $D/out.txt 2> $D/err.txt || true
END=$(date +%s.%N)
grep "^batch" $D/out.txt
python3 -c "s=$END-$START; print(f'bulk apply 1000 moves: {s:.2f} s, {1000/s:.0f} writes/s')"
START=$(date +%s.%N)
$BIN undo --last --yes --url $URL > $D/out2.txt 2> $D/err2.txt || true
END=$(date +%s.%N)
grep "^batch" $D/out2.txt
python3 -c "s=$END-$START; print(f'undo 1000 writes: {s:.2f} s, {1000/s:.0f} writes/s')"
echo "journal: $(wc -c < $D/state/clustertui/journal.jsonl) bytes for 2,000 writes"
