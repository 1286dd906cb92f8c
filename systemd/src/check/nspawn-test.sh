#!/bin/bash
# Runs the installed gatewatch@.service under a real systemd, on a machine where systemd is not
# PID 1 (a build container): boots the host's own systemd as PID 1 of a systemd-nspawn container
# (the host's /usr bound read-only, a copy of /etc, an empty /var, a private network with a veth
# pair), then:
#   - starts gatewatch@gwv0 with SystemCallErrorNumber=kill (a denied system call kills the JVM,
#     so every call made must be allowed): start returns after READY=1;
#   - checks the process: dynamic uid, CAP_NET_RAW only, no_new_privs, seccomp;
#   - sends traffic; alerts appear in /var/log/gatewatch/alerts.json (DynamicUser layout);
#     the metrics endpoint answers;
#   - logrotate renames the log and its postrotate SIGHUP makes the sensor open a new one;
#   - SIGSTOPs the sensor: the watchdog kills it and systemd restarts it;
#   - systemctl stop: exit 0;
#   - MemoryDenyWriteExecute=yes stops the JVM from starting (the reason the unit leaves it out).
# Needs root, the package installed (dpkg -i) and systemd-nspawn (apt install systemd-container).
# Exit 0 when all pass, 1 with "nspawn-test: FAIL: reason" otherwise.
set -euo pipefail

machine=gwnspawn
root=
console=
nspawn_pid=
log() { echo "nspawn-test: $*"; }
fail() {
    echo "nspawn-test: FAIL: $*" >&2
    if [ -n "$nspawn_pid" ] && [ -n "${cpid:-}" ]; then
        nsenter -t "$cpid" -a journalctl -u 'gatewatch@*' --no-pager -n 30 >&2 2>/dev/null || true
    fi
    exit 1
}
cleanup() {
    if [ -n "$nspawn_pid" ] && kill -0 "$nspawn_pid" 2>/dev/null; then
        kill -TERM "$nspawn_pid" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$nspawn_pid" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$nspawn_pid" 2>/dev/null || true
    fi
    if [ -n "$root" ] && ! mount | grep -q " $root"; then
        rm -rf "$root" "$console"
    fi
}
trap cleanup EXIT

[ "$(id -u)" = 0 ] || fail "must run as root"
command -v systemd-nspawn >/dev/null || fail "systemd-nspawn not found (apt install systemd-container)"
[ -x /usr/bin/gatewatch ] && [ -f /lib/systemd/system/gatewatch@.service ] || fail "install the package first (dpkg -i)"
[ -d /run/systemd/system ] && fail "systemd is PID 1 here: test the unit with systemctl directly"

# The container's root: /usr from the host (read-only bind), /bin /lib /lib64 /sbin as the
# usr-merged links, a private copy of /etc, an empty /var.
root=$(mktemp -d /tmp/gwnspawn.XXXXXX)
console="$root.console"
chmod 0755 "$root" # mktemp makes it 0700; the service user must be able to enter /
mkdir -p "$root"/{usr/lib,var/lib/logrotate,var/log,var/cache,var/tmp,tmp,root,run,dev,proc,sys}
for l in bin lib lib64 sbin; do ln -s "usr/$l" "$root/$l"; done
cp -a /etc "$root/etc"
: >"$root/etc/machine-id"
cp /usr/lib/os-release "$root/usr/lib/os-release" # for nspawn's OS check; the bind hides it

systemd-nspawn -D "$root" --private-network --register=no --keep-unit -M "$machine" \
    --bind-ro=/usr -b >"$console" 2>&1 &
nspawn_pid=$!
cpid=
for _ in $(seq 300); do
    cpid=$(pgrep -P "$nspawn_pid" -x systemd || true)
    [ -n "$cpid" ] && break
    kill -0 "$nspawn_pid" 2>/dev/null || fail "systemd-nspawn exited: $(tail -3 "$console")"
    sleep 0.2
done
[ -n "$cpid" ] || fail "no systemd in the container"
ct() { nsenter -t "$cpid" -a "$@"; }
# PID 1 is there before its bus socket: until then systemctl fails at once ("Failed to connect to
# bus") instead of waiting, and the run failed so once in CI.
for _ in $(seq 300); do
    ct test -S /run/systemd/private 2>/dev/null && break
    sleep 0.2
done
ct test -S /run/systemd/private || fail "systemd in the container did not open its bus socket within 60 s"
state=$(ct timeout 120 systemctl is-system-running --wait 2>/dev/null || true)
log "container booted ($state), systemd $(ct systemctl --version | sed -n '1s/^systemd \([0-9]*\).*/\1/p') as PID 1"

ct sh -ec 'ip netns add peer
    ip link add gwv0 type veth peer name gwv1 netns peer
    ip addr add 10.250.78.1/30 dev gwv0; ip link set gwv0 up
    ip -n peer addr add 10.250.78.2/30 dev gwv1; ip -n peer link set gwv1 up; ip -n peer link set lo up'
traffic() {
    ct ip netns exec peer bash -c "for p in \$(seq $1 $2); do (exec 3<>/dev/tcp/10.250.78.1/\$p) 2>/dev/null; done" || true
}
wait_for() { # SECONDS COMMAND...
    local n=$(($1 * 5))
    shift
    for _ in $(seq "$n"); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
    return 1
}

ct sh -c 'mkdir -p /etc/systemd/system/gatewatch@.service.d &&
    printf "[Service]\nSystemCallErrorNumber=kill\n" >/etc/systemd/system/gatewatch@.service.d/strict.conf &&
    systemctl daemon-reload'
start=$(date +%s%N)
ct systemctl start gatewatch@gwv0 || fail "systemctl start gatewatch@gwv0"
log "systemctl start returned after $((($(date +%s%N) - start) / 1000000)) ms; status: $(ct systemctl show -p StatusText --value gatewatch@gwv0)"

pid=$(ct systemctl show -p MainPID --value gatewatch@gwv0)
status=$(ct cat "/proc/$pid/status")
uid=$(sed -n 's/^Uid:\t\([0-9]*\).*/\1/p' <<<"$status")
[ "$uid" -ne 0 ] || fail "the sensor runs as root"
for want in 'CapEff:	0000000000002000' 'CapBnd:	0000000000002000' 'CapAmb:	0000000000002000' 'NoNewPrivs:	1' 'Seccomp:	2'; do
    grep -qF "$want" <<<"$status" || fail "process status lacks '$want'"
done
log "process: uid $uid, CAP_NET_RAW only (effective, bounding, ambient), no_new_privs, seccomp filter"

traffic 1 60
wait_for 30 ct test -s /var/log/gatewatch/alerts.json || fail "no alerts in /var/log/gatewatch/alerts.json"
[ "$(ct readlink /var/log/gatewatch)" = private/gatewatch ] || fail "/var/log/gatewatch is not the DynamicUser link"
ct curl -sf http://127.0.0.1:9810/healthz >/dev/null || fail "healthz does not answer"
log "alerts: $(ct sh -c 'wc -l </var/log/gatewatch/alerts.json') in /var/log/gatewatch/alerts.json (-> private/gatewatch); metrics endpoint answers"

ct logrotate -f /etc/logrotate.d/gatewatch || fail "logrotate"
ct test -f /var/log/gatewatch/alerts.json.1 || fail "logrotate did not rotate alerts.json"
traffic 61 120
wait_for 30 ct test -s /var/log/gatewatch/alerts.json || fail "no new alerts.json after logrotate's SIGHUP"
log "logrotate: alerts.json.1 and, after its SIGHUP, a new alerts.json"

ct kill -STOP "$pid"
wait_for 90 sh -c "[ \"\$(nsenter -t $cpid -a systemctl show -p NRestarts --value gatewatch@gwv0)\" -ge 1 ]" ||
    fail "a stopped sensor was not restarted by the watchdog"
wait_for 60 ct systemctl is-active gatewatch@gwv0 || fail "not active again after the watchdog restart"
log "watchdog: a SIGSTOPped sensor was killed and restarted ($(ct journalctl -u gatewatch@gwv0 --no-pager | grep -c 'Watchdog timeout') watchdog timeout)"

ct systemctl stop gatewatch@gwv0
[ "$(ct systemctl show -p Result --value gatewatch@gwv0)" = success ] || fail "stop did not end in success"
[ "$(ct systemctl show -p ExecMainStatus --value gatewatch@gwv0)" = 0 ] || fail "exit status after SIGTERM is not 0"
log "systemctl stop: exit 0"

ct sh -c 'printf "[Service]\nMemoryDenyWriteExecute=yes\n" >/etc/systemd/system/gatewatch@.service.d/mdwe.conf && systemctl daemon-reload'
if ct systemctl start gatewatch@gwv0 2>/dev/null; then
    fail "the JVM started with MemoryDenyWriteExecute=yes (the unit's comment says it cannot)"
fi
ct journalctl -u gatewatch@gwv0 --no-pager | grep -q 'Error occurred during initialization of VM' ||
    fail "MemoryDenyWriteExecute=yes failed for another reason than the JVM's code memory"
ct sh -c 'systemctl stop gatewatch@gwv0; systemctl reset-failed gatewatch@gwv0' 2>/dev/null || true
log "MemoryDenyWriteExecute=yes: the JVM cannot start, as the unit says"

log "PASS"
