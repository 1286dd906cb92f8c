#!/bin/bash
# Writes gatewatch.1.gz: the template with @COMMANDS@ replaced by the --help of gatewatch and of
# every subcommand, taken from the application itself (HelpPages.java), so the manual page
# cannot drift from the command line.
#   manpage.sh JAVA CLASSPATH TEMPLATE OUT VERSION
set -euo pipefail
java=$1 classpath=$2 template=$3 out=$4 version=$5
here=$(dirname "$(readlink -f "$0")")

help=$("$java" -cp "$classpath" "$here/HelpPages.java")
pages=$(printf '%s\n' "$help" | grep -c '^@@ ' || true)
if [ "$pages" -lt 2 ]; then
    echo "manpage.sh: HelpPages printed no subcommands" >&2
    exit 1
fi

# roff: a backslash is \e, a leading '.' or "'" would be a request, and '-' is written \- so
# that options print (and copy) as ASCII hyphen-minus. Each page is a subsection in no-fill mode.
body=$(mktemp)
trap 'rm -f "$body"' EXIT
printf '%s\n' "$help" | sed \
    -e '/^@@ /!{' -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\([.']\)/\\\\\&\1/" -e '}' \
    -e 's/^@@ \(.*\)$/.fi\n.SS "\1"\n.nf/' | sed '1d' >"$body"
echo '.fi' >>"$body"

mkdir -p "$(dirname "$out")"
date=$(date -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}" +%Y-%m-%d)
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$date/" "$template" |
    sed -e "/^@COMMANDS@\$/{r $body" -e 'd}' | gzip -9n >"$out"
echo "manpage.sh: $out ($((pages - 1)) subcommands)"
