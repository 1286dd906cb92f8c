#!/bin/bash
# Checks gatewatch@.service with systemd's own tools:
#   1. systemd-analyze verify: clean (no output, exit 0), on the instance gatewatch@eth0;
#   2. systemd-analyze security --offline=true: overall exposure at most MAX (2.0 => 20).
# Without an installed package, verify runs on a throw-away root (--root=WORK/root) holding the
# host's unit files, this unit and a stand-in /usr/bin/gatewatch (verify needs ExecStart's binary).
# With --installed, it checks the unit dpkg installed, against the real /usr/bin/gatewatch and
# the real manual page.
#
#   check-unit.sh UNIT WORKDIR [MAX]      (build: the unit from the source tree)
#   check-unit.sh --installed [MAX]       (after dpkg -i)
# Exit 0 when both pass; 1 with the reason otherwise. Where systemd-analyze is missing it says so
# and exits 0, unless GATEWATCH_REQUIRE_SYSTEMD=1.
set -euo pipefail

if ! command -v systemd-analyze >/dev/null 2>&1; then
    if [ "${GATEWATCH_REQUIRE_SYSTEMD:-0}" = 1 ]; then
        echo "check-unit: systemd-analyze not found" >&2
        exit 1
    fi
    echo "check-unit: systemd-analyze not found; unit checks skipped" >&2
    exit 0
fi

if [ "${1:-}" = "--installed" ]; then
    max=${2:-20}
    unit=/lib/systemd/system/gatewatch@.service
    verify=(systemd-analyze verify --man=yes gatewatch@eth0.service)
else
    unit=$(readlink -f "$1")
    work=$2
    max=${3:-20}
    root="$work/root"
    rm -rf "$root"
    mkdir -p "$root/lib/systemd/system" "$root/usr/bin" "$root/etc/systemd/system"
    cp -a /lib/systemd/system/. "$root/lib/systemd/system/"
    cp "$unit" "$root/lib/systemd/system/gatewatch@.service"
    printf '#!/bin/sh\nexit 0\n' >"$root/usr/bin/gatewatch"
    chmod 755 "$root/usr/bin/gatewatch"
    # The manual page is not in this root; the installed check looks for it.
    verify=(systemd-analyze verify --root="$root" --man=no gatewatch@eth0.service)
fi

status=0
if out=$("${verify[@]}" 2>&1) && [ -z "$out" ]; then
    echo "check-unit: systemd-analyze verify gatewatch@eth0.service: clean"
else
    echo "check-unit: systemd-analyze verify gatewatch@eth0.service is not clean:" >&2
    printf '%s\n' "${out:-(no output, but a non-zero exit status)}" >&2
    status=1
fi

if report=$(systemd-analyze security --offline=true --threshold="$max" --no-pager "$unit" 2>&1); then
    ok=yes
else
    ok=no
fi
overall=$(printf '%s\n' "$report" | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
limit=$(awk "BEGIN{printf \"%.1f\", $max/10}")
if [ "$ok" = yes ] && [ -n "$overall" ]; then
    echo "check-unit: systemd-analyze security --offline=true: exposure $overall (at most $limit)"
else
    printf '%s\n' "$report" | grep -E '✗|Overall' >&2 || printf '%s\n' "$report" >&2
    echo "check-unit: exposure ${overall:-unknown} is above $limit" >&2
    status=1
fi
exit "$status"
