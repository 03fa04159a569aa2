#!/usr/bin/env bash
# The project's two commands (see README):
#   ./dev.sh run    install what is missing, build, open the console on a demo data folder
#   ./dev.sh test   install what is missing, build, run every test
# Also: ./dev.sh build, ./dev.sh screenshots [DIR], ./dev.sh package, ./dev.sh bench [OPTIONS],
#       ./dev.sh soak [N] (N kills per operation), ./dev.sh fuzz [SECONDS] (each fuzz target),
#       ./dev.sh format (every C++ source, as .clang-format says)
set -euo pipefail
cd "$(dirname "$0")"

BUILD_DIR=${BUILD_DIR:-build}
PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libquazip1-qt6-dev libsqlite3-dev zlib1g-dev qt6-svg-dev desktop-file-utils qtkeychain-qt6-dev
    python3 zip unzip curl xvfb xauth fonts-dejavu-core libgl-dev openssl rclone appstream systemd
    dpkg-dev groff-base libdeflate-dev libssl-dev strace
    clang libclang-rt-14-dev clang-format
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

RELEASE_DIR=${RELEASE_DIR:-build-release}

# The test build: with the test hooks (crash and pause points the tests drive).
build() {
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFCB_TEST_HOOKS=ON \
        -DFCB_RELEASE_DIR="$(pwd)/$RELEASE_DIR" >/dev/null
    cmake --build "$BUILD_DIR"
}

# A Release build with the project's defaults, as anyone building from source gets it.
build_release() {
    cmake -S . -B "$RELEASE_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
    cmake --build "$RELEASE_DIR"
}

# The release build packaged as a .deb and checked like a distribution would.
package() {
    build_release
    rm -f "$RELEASE_DIR"/fastcms-backup_*.deb
    (cd "$RELEASE_DIR" && cpack -G DEB >/dev/null)
    packaging/check-package.sh "$RELEASE_DIR"/fastcms-backup_*.deb
}

FUZZ_DIR=${FUZZ_DIR:-build-fuzz}

# The libFuzzer targets (tests/fuzz) built by clang with ASan and UBSan, each run for SECONDS
# seconds on a copy of its seed corpus (tests/fuzz/corpus/<name>/). Fails on any crash, leak,
# sanitizer report or broken check; the input that did it is kept in $FUZZ_DIR/findings/<name>/.
run_fuzz() {
    local seconds=${1:-60} failed=() corpus name log
    CXX=clang++ cmake -S . -B "$FUZZ_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFCB_FUZZ=ON \
        -DBUILD_TESTING=OFF >/dev/null
    cmake --build "$FUZZ_DIR" --target fcb-fuzzers
    for corpus in tests/fuzz/corpus/*/; do
        name=$(basename "$corpus")
        if [ ! -x "$FUZZ_DIR/fuzz/fuzz_$name" ]; then
            echo "fuzz_$name: FAILED: a seed corpus without its target ($FUZZ_DIR/fuzz/fuzz_$name)"
            failed+=("$name")
            continue
        fi
        rm -rf "$FUZZ_DIR/corpus/$name" "$FUZZ_DIR/findings/$name"
        mkdir -p "$FUZZ_DIR/corpus/$name" "$FUZZ_DIR/findings/$name"
        cp "$corpus"* "$FUZZ_DIR/corpus/$name/"
        log="$FUZZ_DIR/findings/$name.log"
        if UBSAN_OPTIONS=print_stacktrace=1 nice -n 10 "$FUZZ_DIR/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=60 \
            -print_final_stats=1 -artifact_prefix="$FUZZ_DIR/findings/$name/" "$FUZZ_DIR/corpus/$name" >"$log" 2>&1; then
            echo "fuzz_$name: $(grep -m1 -o 'Done [0-9]* runs in [0-9]* second(s)' "$log" || echo done), no findings"
        else
            tail -n 40 "$log"
            echo "fuzz_$name: FAILED (input and log in $FUZZ_DIR/findings/)"
            failed+=("$name")
        fi
    done
    [ ${#failed[@]} -eq 0 ] || { echo "Fuzzing found problems in: ${failed[*]}"; return 1; }
}

# Every C++ source of the project: the files git tracks (or, outside a checkout, those on disk).
cxx_sources() {
    if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git ls-files -- '*.cpp' '*.h'
    else
        find app core ui tests -name '*.cpp' -o -name '*.h'
    fi
}

# Applies the repository's .clang-format with Debian 12's clang-format (14) to every C++ source.
format_sources() {
    cxx_sources | xargs -r clang-format-14 -i
}

# Fails, naming each file, when a C++ source is not as .clang-format says (./dev.sh format fixes it).
check_format() {
    local unformatted=() file
    while IFS= read -r file; do
        clang-format-14 --dry-run --Werror "$file" >/dev/null 2>&1 || unformatted+=("$file")
    done < <(cxx_sources)
    if [ ${#unformatted[@]} -gt 0 ]; then
        printf 'Not formatted (run ./dev.sh format): %s\n' "${unformatted[@]}"
        return 1
    fi
    echo "Every C++ source follows .clang-format."
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
    check_format
    build
    build_release
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 --timeout 900
    # Every fuzz target for a short fixed time, under AddressSanitizer and UBSan.
    run_fuzz 10
    package
    ;;
package)
    ensure_packages
    package
    ;;
bench)
    # Our create, verify, stage, apply and list next to their peers, on generated data
    # (tests/bench/bench.py --help for the sizes); results in bench-results.json.
    PACKAGES+=(zip unzip p7zip-full pigz time sqlite3-tools)
    ensure_packages
    dir=$RELEASE_DIR
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DFCB_BENCH=ON >/dev/null
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
soak)
    # The kill suite (tests/core/tst_kill.cpp) for long runs: N kills per operation (default
    # 300) from a fresh seed, printed so that a failure can be replayed with FCB_KILL_SEED.
    ensure_packages
    build
    seed=${FCB_KILL_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
    echo "soak: seed $seed, ${2:-300} kills per operation"
    # Run directly, with the environment ctest gives the test, but no time limit.
    home=$(mktemp -d)
    trap 'rm -rf "$home"' EXIT
    env FCB_KILL_SEED="$seed" FCB_KILL_COUNT="${2:-300}" QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 \
        FASTCMS_BACKUP_LANGUAGE=en QT_LOGGING_RULES='fcb.*.info=false' \
        FCB_CLI="$BUILD_DIR/app/fastcms-backup" FCB_TEST_WRITER="$BUILD_DIR/tests/fcb-test-writer" \
        FCB_TEST_DATA="$(pwd)/tests/data" FCB_TEST_SCRIPTS="$(pwd)/tests/support" FCB_PYTHON=/usr/bin/python3 \
        XDG_DATA_HOME="$home/share" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" \
        "$BUILD_DIR/tests/tst_kill"
    ;;
format)
    ensure_packages
    format_sources
    ;;
fuzz)
    # ./dev.sh fuzz [SECONDS]: every fuzz target for SECONDS seconds (60 by default).
    ensure_packages
    run_fuzz "${2:-60}"
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
