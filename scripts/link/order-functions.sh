#!/usr/bin/env bash
# Regenerates scripts/link/dashboard-functions.txt: the functions the release
# dashboard runs while it starts and watches a cluster (S1: 50 nodes, 2,000
# instances), main screen and wallboard, as callgrind saw them. The release
# link places them first and together (Package.swift, `--symbol-ordering-file`),
# so a dashboard left watching keeps a few MB of code resident instead of the
# 64 KB around every function it ever touched (DECISIONS.md, "Release link:
# the dashboard's functions together"). A stale list costs memory, never
# correctness: names it lacks are linked where they always were.
#
# Needs valgrind, tmux, objcopy and python3 (none of them at build time).
# Ends by relinking the release binary: SwiftPM does not watch the list.
# Usage: scripts/link/order-functions.sh [SECONDS_PER_RUN]   (default 90)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-90}
for tool in valgrind tmux objcopy python3; do
    command -v "$tool" >/dev/null || { echo "order-functions: $tool is needed" >&2; exit 1; }
done
swift build -c release --product clustertui
work=$(mktemp -d)
server_pid=
socket="order-functions-$$"
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
# Valgrind cannot read the DWARF 5 Swift writes: profile a copy without it (same addresses and symbols).
objcopy --strip-debug .build/release/clustertui "$work/clustertui"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
.build/release/clustertui serve --demo --demo-nodes 50 --demo-instances 2000 --port "$port" \
    --token-file "$work/token" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/serve.log" 2>/dev/null && break; sleep 0.2; done
if ! kill -0 "$server_pid" 2>/dev/null || ! grep -q "listening on" "$work/serve.log"; then
    echo "order-functions: the demo server did not start:" >&2; cat "$work/serve.log" >&2; exit 1
fi
mkdir -p "$work/home"
for mode in dashboard wallboard; do
    extra=()
    [ "$mode" = wallboard ] && extra=(--wallboard)
    tmux -L "$socket" new-session -d -s run -x 120 -y 40 \
        "HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_STATE_HOME=$work/home/.state \
         valgrind --tool=callgrind --demangle=no --callgrind-out-file=$work/$mode.out \
         $work/clustertui --url http://127.0.0.1:$port --token-file $work/token ${extra[*]} 2>$work/$mode.err"
    sleep "$seconds"
    tmux -L "$socket" send-keys -t run q
    for _ in $(seq 120); do tmux -L "$socket" has-session -t run 2>/dev/null || break; sleep 0.5; done
    tmux -L "$socket" kill-server 2>/dev/null || true
    [ -s "$work/$mode.out" ] || { echo "order-functions: no profile from the $mode run:" >&2; cat "$work/$mode.err" >&2; exit 1; }
done
python3 - "$work/clustertui" "$work"/dashboard.out "$work"/wallboard.out >"$work/functions.txt" <<'PY'
import re, sys
binary, profiles = sys.argv[1], sys.argv[2:]
names = set()
for path in profiles:
    objects, functions, current = {}, {}, None
    for line in open(path, errors="replace"):
        line = line.rstrip("\n")
        m = re.match(r"^(c?ob)=\((\d+)\)(?: (.*))?$", line)
        if m:
            if m.group(3): objects[m.group(2)] = m.group(3)
            if m.group(1) == "ob": current = objects.get(m.group(2))
            continue
        m = re.match(r"^(c?fn)=\((\d+)\)(?: (.*))?$", line)
        if m:
            if m.group(3): functions[m.group(2)] = m.group(3)
            if m.group(1) == "fn" and current == binary:
                name = re.sub(r"'\d+$", "", functions[m.group(2)])  # callgrind's recursion mark
                if not name.startswith(("0x", "(")): names.add(name)  # unnamed code, "(below main)"
print("\n".join(sorted(names)))
PY
# A list this short means the profile missed the binary: keep the old one rather than lose the gain unnoticed.
count=$(wc -l <"$work/functions.txt")
if [ "$count" -lt 1000 ]; then
    echo "order-functions: only $count functions found; scripts/link/dashboard-functions.txt left as it was" >&2; exit 1
fi
mv "$work/functions.txt" scripts/link/dashboard-functions.txt
echo "order-functions: $count functions in scripts/link/dashboard-functions.txt; relinking" >&2
rm -f .build/release/clustertui
swift build -c release --product clustertui
