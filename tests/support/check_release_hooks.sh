#!/bin/sh
# usage: check_release_hooks.sh RELEASE_BUILD_DIR HOOKED_TOOL
# Fails when a program of the release-configured build contains a test hook (the FCB_TEST_*
# variables it would read), or when that build is missing. HOOKED_TOOL, built with hooks, must
# show them: otherwise the search below could never find one.
set -eu
release=$1
hooked=$2
if ! grep -q -a FCB_TEST_ "$hooked"; then
    echo "FAIL: $hooked was built with test hooks, yet no FCB_TEST_ string is found in it" >&2
    exit 1
fi
status=0
for program in app/fastcms-backup app/fastcms-backup-console; do
    if [ ! -f "$release/$program" ]; then
        echo "FAIL: $release/$program is missing (./dev.sh test builds it before the tests)" >&2
        status=1
    elif grep -q -a FCB_TEST_ "$release/$program"; then
        echo "FAIL: $release/$program contains test hooks:" >&2
        grep -a -o 'FCB_TEST_[A-Z_]*' "$release/$program" | sort -u >&2
        status=1
    else
        echo "ok: $release/$program has no test hooks"
    fi
done
exit $status
