#!/usr/bin/env bash
# The project's two commands (see README):
#   ./dev.sh run    install what is missing, build, open the console on a demo data folder
#   ./dev.sh test   install what is missing, build, run every test
# Also: ./dev.sh build, ./dev.sh screenshots [DIR], ./dev.sh package, ./dev.sh bench [OPTIONS]
set -euo pipefail
cd "$(dirname "$0")"

BUILD_DIR=${BUILD_DIR:-build}
PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libquazip1-qt6-dev libsqlite3-dev zlib1g-dev qt6-svg-dev desktop-file-utils qtkeychain-qt6-dev
    python3 zip unzip curl xvfb xauth fonts-dejavu-core libgl-dev openssl rclone appstream systemd
    dpkg-dev groff-base libdeflate-dev libssl-dev
)

ensure_packages() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
}

build() {
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$BUILD_DIR"
}

# A Release build without test hooks, packaged as a .deb and checked like a distribution would.
package() {
    local dir=${RELEASE_DIR:-build-release}
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFCB_TEST_HOOKS=OFF -DBUILD_TESTING=OFF >/dev/null
    cmake --build "$dir"
    rm -f "$dir"/fastcms-backup_*.deb
    (cd "$dir" && cpack -G DEB >/dev/null)
    packaging/check-package.sh "$dir"/fastcms-backup_*.deb
}

demo_dir() {
    echo "${XDG_DATA_HOME:-$HOME/.local/share}/fastcms-backup/demo/data"
}

display_reachable() {
    if [ -n "${WAYLAND_DISPLAY:-}" ]; then
        [ -S "${XDG_RUNTIME_DIR:-/run/user/$(id -u)}/$WAYLAND_DISPLAY" ] && return 0
    fi
    [ -n "${DISPLAY:-}" ] || return 1
    case "$DISPLAY" in
    :*) local n=${DISPLAY#:}; [ -S "/tmp/.X11-unix/X${n%%.*}" ] ;;
    *) return 0 ;; # a remote display: let the console try
    esac
}

run_demo() {
    local cli="$BUILD_DIR/app/fastcms-backup" data
    data=$(demo_dir)
    if display_reachable; then
        exec "$BUILD_DIR/app/fastcms-backup-console" --demo
    fi
    echo "No display available, so the console cannot open a window."
    echo "Showing the same demo through the command-line tool instead ($data):"
    echo
    set -x
    "$cli" demo --data-dir "$data"
    "$cli" create --data-dir "$data"
    "$cli" list --data-dir "$data"
    "$cli" verify --data-dir "$data" "$("$cli" list --data-dir "$data" --json --per-page 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["filename"])')"
    "$cli" status --data-dir "$data"
}

case "${1:-}" in
run)
    ensure_packages
    build
    run_demo
    ;;
test)
    ensure_packages
    build
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 --timeout 900
    package
    ;;
package)
    ensure_packages
    package
    ;;
bench)
    # Our create, verify, stage, apply and list next to their peers, on generated data
    # (tests/bench/bench.py --help for the sizes); results in bench-results.json.
    PACKAGES+=(zip unzip p7zip-full pigz time)
    ensure_packages
    dir=${RELEASE_DIR:-build-release}
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFCB_TEST_HOOKS=OFF -DBUILD_TESTING=OFF -DFCB_BENCH=ON >/dev/null
    cmake --build "$dir"
    shift
    /usr/bin/python3 tests/bench/bench.py --cli "$dir/app/fastcms-backup" --heartbeat "$dir/tests/bench/fcb-bench-heartbeat" \
        --floor "$dir/tests/bench/fcb-bench-deflate-floor" \
        --work "${BENCH_WORK:-$dir/bench-work}" --json bench-results.json "$@"
    ;;
build)
    ensure_packages
    build
    ;;
screenshots)
    # The console's main states as PNG files under Xvfb (packaging/screenshots/ by default).
    ensure_packages
    build
    out=${2:-packaging/screenshots}
    xvfb-run -a -s "-screen 0 1280x800x24" "$BUILD_DIR/app/fastcms-backup-console" --screenshots "$out"
    ;;
*)
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
