#!/bin/bash
# Makes the Java runtime the .deb carries, and packs it as runtime.tar.gz for jdeb (an "archive"
# data set keeps the exec bits that a "directory" data set drops).
#   jlink.sh JAVA_HOME MODULES COMPRESS OUTDIR
# COMPRESS is jlink's --compress level (zip-0 stores the classes uncompressed: the .deb's own
# compression then does better, and classes load without inflating).
# OUTDIR/runtime is the image and OUTDIR/runtime.tar.gz its archive (entries without a leading
# "./", root-owned, sorted). When both exist and were made by this script from the same JDK,
# module list and compression, they are kept: jlink costs 7 to 20 s.
set -euo pipefail
java_home=$1 modules=$2 compress=$3 outdir=$4

image="$outdir/runtime"
archive="$outdir/runtime.tar.gz"
stamp="$outdir/runtime.stamp"
want="$(sed -n 's/^JAVA_RUNTIME_VERSION=//p' "$java_home/release") $modules $compress $(md5sum <"$0" | cut -c1-12)"

if [ -x "$image/bin/java" ] && [ -f "$archive" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    echo "jlink.sh: $image is up to date ($want)"
    exit 0
fi

rm -rf "$image" "$archive" "$stamp"
mkdir -p "$outdir"
start=$(date +%s%N)
"$java_home/bin/jlink" \
    --add-modules "$modules" \
    --strip-debug --no-header-files --no-man-pages --compress "$compress" \
    --output "$image"

# Strip the native code as dh_strip would (the JDK's libraries carry their symbol tables: 21 MB
# more, and lintian's unstripped-binary-or-object). --strip-unneeded keeps the dynamic symbols that
# the JVM and JNI look up; .comment and .note are build notes. jlink's --strip-native-debug-symbols
# only removes debug sections, not the symbol tables.
if command -v strip >/dev/null; then
    before=$(du -sk "$image" | cut -f1)
    find "$image/bin" "$image/lib" -type f -print0 | while IFS= read -r -d '' f; do
        if [ "$(head -c4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ]; then
            chmod u+w "$f"
            strip --strip-unneeded --remove-section=.comment --remove-section=.note "$f"
        fi
    done
    echo "jlink.sh: stripped the native code: $before KB -> $(du -sk "$image" | cut -f1) KB"
else
    echo "jlink.sh: WARNING: strip (binutils) not found: the runtime's native code is not stripped" >&2
fi

# The image must start and must not have pulled in java.desktop (X11 and ALSA dependencies).
listed=$("$image/bin/java" --list-modules)
if grep -q '^java.desktop@' <<<"$listed"; then
    echo "jlink.sh: java.desktop is in the image" >&2
    exit 1
fi

# Dated SOURCE_DATE_EPOCH, else the JDK's own release file: the same JDK gives the same archive.
# u+w: jlink leaves the legal notices read-only (0444); packaged files are 0644 or 0755.
mtime="@${SOURCE_DATE_EPOCH:-$(stat -c %Y "$java_home/release")}"
(cd "$image" && find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort |
    tar --create --gzip --no-recursion --owner=0 --group=0 --numeric-owner --mtime="$mtime" --mode=u+w \
        --files-from=- --file="$archive")
echo "$want" >"$stamp"
echo "jlink.sh: $image ($(du -sh "$image" | cut -f1), $(wc -l <<<"$listed") modules) in $((($(date +%s%N) - start) / 1000000)) ms"
