# Finding a JDK 25, shared by ./mvnw and ./gatewatch (sourced by both; POSIX sh, so that mvnw's
# `sh` can read it). A JDK names its version in the release file beside bin/: reading it costs no
# JVM start (a `java -XshowSettings` probe is one, 0.2 to 1 s on a loaded machine); the probe is
# kept only for a JDK without that file.
#   gw_jdk_major HOME   the feature version of the JDK at HOME (empty when it is none: no java or javac)
#   gw_is_jdk25 HOME    true when HOME is a JDK 25 or newer
#   gw_find_jdk25       prints the first JDK 25+ among /usr/lib/jvm/temurin-25-jdk-amd64, the JDK of
#                       the `java` on the PATH and /usr/lib/jvm/* (or among MVNW_JDK_SEARCH's folders)
gw_jdk_major() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
  fi
}
gw_is_jdk25() {
  gw_major="$(gw_jdk_major "$1")"
  [ -n "$gw_major" ] && [ "$gw_major" -ge 25 ]
}
gw_find_jdk25() {
  gw_path_java="$(command -v java 2>/dev/null || :)"
  gw_path_home=""
  [ -z "$gw_path_java" ] || gw_path_home="$(dirname "$(dirname "$(readlink -f "$gw_path_java" 2>/dev/null || echo "$gw_path_java")")")"
  # The /usr/lib/jvm/* glob needs globbing, which mvnw turns off (set -f): on here, restored after.
  case $- in *f*) gw_noglob=1 ;; *) gw_noglob="" ;; esac
  set +f
  gw_found=""
  for gw_home in ${MVNW_JDK_SEARCH-/usr/lib/jvm/temurin-25-jdk-amd64 $gw_path_home /usr/lib/jvm/*}; do
    if gw_is_jdk25 "$gw_home"; then
      gw_found="$gw_home"
      break
    fi
  done
  [ -z "$gw_noglob" ] || set -f
  [ -n "$gw_found" ] && echo "$gw_found"
}
