#!/usr/bin/env bash
# benches/scaling/run.sh: time the heavy built-ins at n, 4n and 16n in jolt (interpreter and
# default tiers), node and QuickJS, and print a markdown table (benches/SCALING.md holds the
# latest one). A linear operation grows about 4x per step, a quadratic one about 16x; the
# "growth" columns are t(16n)/t(n) (shown as - when t(n) < 2 ms, too small to divide).
#
#   benches/scaling/run.sh                 every workload
#   benches/scaling/run.sh array. map.     only workloads whose name starts with one of these
#
# Environment: JOLT (default target/release/jolt), NODE (default node), QJS (default: qjs on
# PATH, else benches/.peers/bin/qjs), SCALE (multiplies every n), TIMEOUT (seconds per run,
# default 60).
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jolt="${JOLT:-$root/target/release/jolt}"
node="${NODE:-node}"
qjs="${QJS:-$(command -v qjs || echo "$root/benches/.peers/bin/qjs")}"
scale="${SCALE:-1}"
timeout="${TIMEOUT:-60}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

ops=$("$node" "$here/workloads.js")
if [ $# -gt 0 ]; then
    sel=""
    for op in $ops; do
        for p in "$@"; do
            case "$op" in "$p"*) sel="$sel $op"; break ;; esac
        done
    done
    ops="$sel"
fi

# run ENGINE-COMMAND... : prints "t1 t2 t3" or "timeout"/"error"
run() {
    local out
    if out=$(timeout "$timeout" "$@" 2>/dev/null) && [ -n "$out" ]; then
        echo "$out" | tail -1
    elif [ $? -eq 124 ]; then
        echo "timeout"
    else
        echo "error"
    fi
}

growth() {
    set -- $1
    if [ $# -eq 3 ] && [ "$1" -ge 2 ] 2>/dev/null; then
        awk -v a="$1" -v c="$3" 'BEGIN { printf "%.0fx", c / a }'
    else
        echo "-"
    fi
}

fmt() { echo "$1" | sed 's/ / \/ /g'; }

echo "| workload | n | jolt --jit=off (ms) | jolt (ms) | node (ms) | qjs (ms) | growth off / jolt / node / qjs |"
echo "|---|---|---|---|---|---|---|"
for op in $ops; do
    f="$work/$op.js"
    { echo "var OP = \"$op\"; var SCALE = $scale;"; cat "$here/workloads.js"; } >"$f"
    n=$(run "$node" "$f" | cut -d' ' -f1)
    off=$(run "$jolt" --jit=off "$f" | cut -d' ' -f2-)
    def=$(run "$jolt" "$f" | cut -d' ' -f2-)
    nd=$(run "$node" "$f" | cut -d' ' -f2-)
    if [ -x "$qjs" ]; then qj=$(run "$qjs" "$f" | cut -d' ' -f2-); else qj="n/a"; fi
    echo "| $op | $n | $(fmt "$off") | $(fmt "$def") | $(fmt "$nd") | $(fmt "$qj") | $(growth "$off") / $(growth "$def") / $(growth "$nd") / $(growth "$qj") |"
done
