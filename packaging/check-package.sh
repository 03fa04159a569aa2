#!/bin/sh
# Checks a built .deb the way a distribution would: installs it into a temporary root, validates
# the desktop file, the AppStream metainfo, the man page and the systemd units, and runs both
# programs' --version from there.
# usage: packaging/check-package.sh PACKAGE.deb
set -eu
deb=$1
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

dpkg-deb --field "$deb" Package Version Depends Recommends | sed "s/^/  /"
dpkg-deb -x "$deb" "$root"

for f in usr/bin/fastcms-backup usr/bin/fastcms-backup-console usr/lib/fastcms-backup/fastcms-backup-network.so \
         usr/share/applications/io.github.fastcmsbackup.Console.desktop \
         usr/share/metainfo/io.github.fastcmsbackup.Console.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/io.github.fastcmsbackup.Console.svg \
         usr/share/man/man1/fastcms-backup.1.gz \
         usr/lib/systemd/user/fastcms-backup@.service usr/lib/systemd/user/fastcms-backup@.timer \
         usr/lib/systemd/system/fastcms-backup@.service usr/lib/systemd/system/fastcms-backup@.timer; do
    [ -e "$root/$f" ] || { echo "missing from the package: /$f" >&2; exit 1; }
done

# A release carries no test hooks (crash and pause points driven by FCB_TEST_* variables).
if grep -q -a FCB_TEST_ "$root/usr/bin/fastcms-backup" "$root/usr/bin/fastcms-backup-console"; then
    echo "the package was built with test hooks (configure with -DFCB_TEST_HOOKS=OFF)" >&2
    exit 1
fi

desktop-file-validate "$root/usr/share/applications/io.github.fastcmsbackup.Console.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.fastcmsbackup.Console.metainfo.xml"
# The man page renders without warnings (groff reports them, but still exits with 0).
warnings=$(zcat "$root/usr/share/man/man1/fastcms-backup.1.gz" | groff -man -t -Tutf8 -ww -z 2>&1)
[ -z "$warnings" ] || { echo "the man page renders with warnings:" >&2; echo "$warnings" >&2; exit 1; }
# The units (the user's and the system's), instantiated for a data folder, pass systemd's
# verifier against the packaged binary.
for scope in user system; do
    units=$(mktemp -d)
    for kind in service timer; do
        sed "s|/usr/bin/|$root/usr/bin/|g" "$root/usr/lib/systemd/$scope/fastcms-backup@.$kind" \
            > "$units/fastcms-backup@srv-fastcms-data.$kind"
    done
    systemd-analyze verify --man=no "$units/fastcms-backup@srv-fastcms-data.service" "$units/fastcms-backup@srv-fastcms-data.timer"
    rm -rf "$units"
done

version=$(dpkg-deb --field "$deb" Version)
cli=$("$root/usr/bin/fastcms-backup" --version)
console=$(XDG_RUNTIME_DIR=$root QT_QPA_PLATFORM=offscreen "$root/usr/bin/fastcms-backup-console" --version)
echo "  $cli"
echo "  $console"
case "$cli" in *"$version"*) ;; *) echo "fastcms-backup --version does not say $version" >&2; exit 1 ;; esac
case "$console" in *"$version"*) ;; *) echo "fastcms-backup-console --version does not say $version" >&2; exit 1 ;; esac
# The tool loads its network module from the package: a server that is not there is a network
# error (exit code 9), not a missing module.
printf 'token\n' > "$root/token"
set +e
"$root/usr/bin/fastcms-backup" list --server http://127.0.0.1:9 --token-file "$root/token" --timeout 5 2> "$root/err"
code=$?
set -e
[ $code -eq 9 ] || { echo "fastcms-backup list --server: exit code $code, expected 9:" >&2; cat "$root/err" >&2; exit 1; }
echo "package ok: $deb"
