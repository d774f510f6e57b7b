#!/usr/bin/env bash
# benches/peers.sh: install the peer engines that `cargo run --release -p benches` compares
# jolt against. CI never runs this; run it by hand once per machine.
#
#   benches/peers.sh            install QuickJS and Boa
#   benches/peers.sh qjs        only QuickJS (quickjs-ng, about a minute on one core)
#   benches/peers.sh boa        only Boa (cargo install boa_cli: a long build)
#
# Everything goes into the cache directory $JOLT_PEERS_DIR (default: benches/.peers, which is
# gitignored); the harness looks there (bin/qjs, bin/boa) after PATH. Node is not installed
# here: the harness uses the `node` on PATH.
#
# Environment:
#   JOLT_PEERS_DIR   cache directory (default benches/.peers)
#   QJS_VERSION      quickjs-ng version on PyPI (default: the newest)
#   BOA_VERSION      boa_cli version on crates.io (default: the newest)
#   PEERS_JOBS       parallel jobs for the Boa build (e.g. 1 on a shared machine)
#   CC, CFLAGS       C compiler and flags for QuickJS (default: cc, -O2)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
dest="${JOLT_PEERS_DIR:-$here/.peers}"
mkdir -p "$dest/bin"

install_qjs() {
    # The quickjs-ng source distribution on PyPI carries the engine's C sources (under
    # upstream-quickjs/) but not its qjs shell; benches/peers/qjs-driver.c is our own shell.
    local work
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' RETURN
    echo "peers: downloading the quickjs-ng sources${QJS_VERSION:+ $QJS_VERSION}" >&2
    pip download --quiet --no-deps --no-binary :all: -d "$work" "quickjs-ng${QJS_VERSION:+==$QJS_VERSION}"
    tar -xzf "$work"/quickjs_ng-*.tar.gz -C "$work"
    local src
    src="$(dirname "$(find "$work" -name quickjs.c | head -n 1)")"
    [ -f "$src/quickjs.c" ] || { echo "peers: quickjs.c not found in the archive" >&2; return 1; }
    local sources=()
    for f in quickjs.c libregexp.c libunicode.c dtoa.c cutils.c xsum.c; do
        [ -f "$src/$f" ] && sources+=("$src/$f")
    done
    echo "peers: compiling QuickJS (${sources[*]##*/})" >&2
    # shellcheck disable=SC2086
    nice "${CC:-cc}" ${CFLAGS:--O2} -I"$src" -o "$dest/bin/qjs" "$here/peers/qjs-driver.c" "${sources[@]}" -lm -lpthread
    "$dest/bin/qjs" -e 'console.log("peers: qjs works:", 6 * 7)'
    "$dest/bin/qjs" --version
}

install_boa() {
    echo "peers: cargo install boa_cli${BOA_VERSION:+ $BOA_VERSION} (this takes a while)" >&2
    local args=(install boa_cli --locked --root "$dest")
    [ -n "${BOA_VERSION:-}" ] && args+=(--version "$BOA_VERSION")
    [ -n "${PEERS_JOBS:-}" ] && args+=(-j "$PEERS_JOBS")
    # Build in the cache directory, not in the jolt workspace's target/.
    CARGO_TARGET_DIR="$dest/cargo-target" nice cargo "${args[@]}"
    rm -rf "$dest/cargo-target"
    "$dest/bin/boa" --version || true
}

case "${1:-all}" in
    qjs | quickjs) install_qjs ;;
    boa) install_boa ;;
    all)
        install_qjs
        install_boa
        ;;
    *)
        echo "usage: $0 [qjs|boa|all]" >&2
        exit 2
        ;;
esac
echo "peers: installed into $dest/bin" >&2
