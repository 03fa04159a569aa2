#!/bin/sh
# The command-line tool is built on core alone, and core never uses Qt Gui or Widgets.
# usage: check_core_boundary.sh CLI_BINARY CORE_SOURCE_DIR
set -eu
cli=$1
core=$2
status=0
if ldd "$cli" | grep -E 'libQt6(Gui|Widgets)'; then
    echo "FAIL: $cli links Qt Gui or Widgets"
    status=1
fi
if grep -rnE '#include <(Qt(Gui|Widgets)/|Q(Widget|Application|MainWindow|Dialog|MessageBox|GuiApplication|Pixmap|Icon|Image|Color|Font)>)' "$core"; then
    echo "FAIL: core/ includes Gui or Widgets headers"
    status=1
fi
[ $status -eq 0 ] && echo "core and the command-line tool are free of Qt Gui and Widgets"
exit $status
