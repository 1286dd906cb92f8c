#!/bin/bash
# Writes changelog.gz for the .deb (a native package: its version has no Debian revision, so
# policy names the file changelog.gz, not changelog.Debian.gz), and checks that the package and
# the program it carries name the same version.
#   changelog.sh JAVA_HOME PROJECT_VERSION TIMESTAMP LIB_DIR OUT
# PROJECT_VERSION and TIMESTAMP (yyyyMMddHHmmss, the build's start in UTC) give the version jdeb
# writes into the package (snapshotExpand: X-SNAPSHOT becomes X~TIMESTAMP). The sensor jar in
# LIB_DIR records the version and timestamp of the build that made it, which --version prints;
# a jar from another build (say ./mvnw -pl packaging, without -am, over an installed sensor)
# would make the two disagree, so that is an error.
set -euo pipefail
java_home=$1 project_version=$2 timestamp=$3 lib=$4 out=$5

deb_version=$project_version
case $project_version in
    *-SNAPSHOT) deb_version="${project_version%-SNAPSHOT}~$timestamp" ;;
esac

jar=$(find "$lib" -maxdepth 1 -name 'gatewatch-sensor-*.jar' | head -n1)
[ -n "$jar" ] || { echo "changelog.sh: no gatewatch-sensor jar in $lib" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && "$java_home/bin/jar" xf "$jar" gatewatch-build.properties)
props=$(cat "$tmp/gatewatch-build.properties")
jar_version=$(sed -n 's/^version=//p' <<<"$props")
jar_timestamp=$(sed -n 's/^build.timestamp=//p' <<<"$props")
case $jar_version in
    *-SNAPSHOT) jar_version="${jar_version%-SNAPSHOT}~$jar_timestamp" ;;
esac
if [ "$jar_version" != "$deb_version" ]; then
    echo "changelog.sh: $jar says version $jar_version but this build packages $deb_version:" \
        "build the sensor and the package in one run (./mvnw -pl packaging -am package)" >&2
    exit 1
fi

# RFC 2822 date of the build's start, as dpkg-parsechangelog wants it.
date=$(date -u -R -d "${timestamp:0:4}-${timestamp:4:2}-${timestamp:6:2} ${timestamp:8:2}:${timestamp:10:2}:${timestamp:12:2}")
mkdir -p "$(dirname "$out")"
cat <<CHANGELOG | gzip -9n >"$out"
gatewatch ($deb_version) unstable; urgency=medium

  * Built from the gatewatch sources (version $project_version). The changes
    are in the project's history; README-install.md beside this file says how
    to install, upgrade and remove the package.

 -- gatewatch developers <gatewatch@example.invalid>  $date
CHANGELOG
touch -d "$date" "$out"
echo "changelog.sh: $out ($deb_version)"
