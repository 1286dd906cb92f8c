#!/bin/bash
# Makes the .deb's AOT cache (JDK 25, JEP 483/514) and packs it with the jars as app.tar.gz, an
# "archive" data set for jdeb, whose entries keep the modification time given here.
#   aot.sh RUNTIME LIB LAUNCHER OUTDIR
# RUNTIME is the jlink image (jlink.sh), LIB the staged jars, LAUNCHER the installed launcher.
#
# The installed layout is rebuilt under OUTDIR/aot-root (bin/gatewatch, lib/, runtime/ a link to
# RUNTIME) and the launcher itself is run there, with -XX:AOTCacheOutput, on a replay of a capture
# of 20 synthetic connections (as the source checkout's ./gatewatch does): so the cache is made with
# the class path and options the installed launcher passes. Where editcap (wireshark-common) is
# installed the replay reads a pcapng copy of it too, which libpcap reads through pcap4j and JNA as
# it does a live capture and as --version asks libpcap its version: 500 more classes in the cache
# (--version loads 301 classes from the jars instead of 809). The JVM uses a cache only with the same
# class path, wherever the tree is moved, and jars of the same size and modification time: the
# staged jars are set to one time (SOURCE_DATE_EPOCH, else now), which app.tar.gz carries and dpkg
# keeps. A failed training is not fatal: the package is then built without a cache.
set -euo pipefail
runtime=$1 lib=$2 launcher=$3 outdir=$4

root="$outdir/aot-root"
archive="$outdir/app.tar.gz"
mtime="@${SOURCE_DATE_EPOCH:-$(date +%s)}"
start=$(date +%s%N)
rm -rf "$root" "$archive"
mkdir -p "$root/bin" "$root/lib" "$root/aot"
cp "$launcher" "$root/bin/gatewatch"
ln -s "$(cd "$runtime" && pwd)" "$root/runtime"
cp "$lib"/*.jar "$root/lib/"
touch -d "$mtime" "$root"/lib/*.jar

work="$root/train"
mkdir -p "$work"
# In $work: a JVM that fails writing the cache leaves its hs_err file there.
if (cd "$work" && GATEWATCH_AOT=off ../bin/gatewatch synth --out train.pcap --connections 20 &&
    if command -v editcap >/dev/null; then editcap -F pcapng train.pcap train.pcapng; fi &&
    GATEWATCH_AOT=off GATEWATCH_JAVA_OPTS="-XX:AOTCacheOutput=$root/aot/gatewatch.aot" \
        ../bin/gatewatch replay train.pcap $([ -f train.pcapng ] && echo train.pcapng) --alerts /dev/null \
        --records /dev/null) >"$outdir/aot.log" 2>&1 &&
    [ -s "$root/aot/gatewatch.aot" ]; then
    # The cache must be taken by the launcher as installed: a refused one would cost its size for nothing.
    used=$(GATEWATCH_JAVA_OPTS=-Xlog:aot=info "$root/bin/gatewatch" --version 2>&1 | grep -c 'Using AOT-linked classes: true' || :)
    if [ "$used" != 1 ]; then
        echo "aot.sh: WARNING: the launcher does not take the cache it made; the package has none (see $outdir/aot.log)" >&2
        rm -f "$root/aot/gatewatch.aot"
    fi
else
    echo "aot.sh: WARNING: no AOT cache (see $outdir/aot.log); the package starts slower without one" >&2
    rm -f "$root/aot/gatewatch.aot"
fi
rm -rf "$work"

entries=(lib "$root"/lib/*.jar)
[ ! -f "$root/aot/gatewatch.aot" ] || entries+=(aot aot/gatewatch.aot)
(cd "$root" && printf '%s\n' "${entries[@]#"$root"/}" | LC_ALL=C sort |
    tar --create --gzip --no-recursion --owner=0 --group=0 --numeric-owner --mtime="$mtime" \
        --mode=u+w,go+r,go-w --files-from=- --file="$archive")
cache_size=$(stat -c %s "$root/aot/gatewatch.aot" 2>/dev/null || echo 0)
echo "aot.sh: $archive (AOT cache $((cache_size / 1048576)) MiB) in $((($(date +%s%N) - start) / 1000000)) ms"
