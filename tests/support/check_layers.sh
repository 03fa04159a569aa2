#!/bin/sh
# The direction of the house: the front ends (ui/, app/) reach the engine through Backend and
# include nothing from core/local/ or core/remote/ but the backends' own headers (to construct
# one); nothing anywhere casts to a concrete backend; and core/model/ stays below everything.
# usage: check_layers.sh SOURCE_DIR
set -eu
src=$1
status=0

inner=$(grep -rnE '#include *"(local|remote)/' "$src/ui" "$src/app" | grep -vE '#include *"remote/RemoteBackend\.h"' || true)
if [ -n "$inner" ]; then
    echo "FAIL: a front end includes the engine's insides (use Backend, or backend/LocalBackend.h and remote/RemoteBackend.h to construct one):"
    echo "$inner"
    status=1
fi

casts=$(grep -rnE '(dynamic|static|reinterpret)_cast *< *(const +)?(fcb::)?(Local|Remote)Backend\b' \
    "$src/core" "$src/ui" "$src/app" "$src/tests" || true)
if [ -n "$casts" ]; then
    echo "FAIL: a cast to a concrete backend (what it needs belongs in Backend, gated by Capabilities):"
    echo "$casts"
    status=1
fi

upwards=$(grep -rnE '#include *"(archive|backend|demo|drill|local|offsite|remote|restore|retention|schedule|sqlite)/' \
    "$src/core/model" || true)
if [ -n "$upwards" ]; then
    echo "FAIL: core/model/ includes a room above it:"
    echo "$upwards"
    status=1
fi

tool=$(grep -rlE '#include *"(CommandLine|Command|CommandContext)\.h"' "$src/core" || true)
if [ -n "$tool" ]; then
    echo "FAIL: core/ includes the command-line tool:"
    echo "$tool"
    status=1
fi

[ $status -eq 0 ] && echo "ui/ and app/ use Backend only; no casts to a backend; core/model/ is at the bottom"
exit $status
