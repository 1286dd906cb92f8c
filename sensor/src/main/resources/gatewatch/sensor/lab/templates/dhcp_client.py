# One ordinary DHCP client for gatewatch lab, on its own macvlan interface IFACE (its own MAC) in
# the client namespace, behaving as the DHCP client of PROFILE does at a person's pace (Debian
# here has no dhclient, udhcpc or dhcpcd): after booting (START s) DISCOVER, OFFER, REQUEST, ACK
# as broadcasts (the broadcast flag as the profile sets it), then the lease configured on IFACE
# (address and a default route of its own, as a client's script does) and renewed by unicast
# from a UDP socket bound to port 68 on IFACE at the server's T1 (plus dhclient's random second);
# windows asks for more options with a DHCPINFORM after binding, android leaves and comes back
# (INIT-REBOOT: a broadcast REQUEST for its old address), linux releases its lease at the end.
# argv: IFACE PROFILE SEED START DURATION
# Prints "discovers D offers O requests R acks A naks N renewals W informs I releases L".
import random, socket, struct, subprocess, sys, time
from scapy.all import BOOTP, DHCP, IP, UDP, AsyncSniffer, Ether, conf, get_if_hwaddr

conf.verb = 0
iface, profile, rnd = sys.argv[1], sys.argv[2], random.Random(int(sys.argv[3]))
start, duration = float(sys.argv[4]), float(sys.argv[5])
mac_text = get_if_hwaddr(iface)
mac = bytes(int(x, 16) for x in mac_text.split(":"))
PROFILES = {
    # broadcast flag, vendor class, parameter request list (the order each client sends)
    "windows": (True, b"MSFT 5.0", [1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252]),
    "linux": (False, None, [1, 28, 2, 3, 15, 6, 119, 12, 44, 47, 26, 121, 42]),
    "android": (False, b"android-dhcp-13", [1, 3, 6, 15, 26, 28, 51, 58, 59, 43, 114, 108]),
    "printer": (False, None, [1, 3, 6, 12, 15, 44]),
}
bflag, vendor, prl = PROFILES[profile]
hostname = ("%s-%04x" % (profile, rnd.randrange(1 << 16))).encode()
counts = dict.fromkeys(["discovers", "offers", "requests", "acks", "naks", "renewals", "informs", "releases"], 0)
start_clock = time.monotonic()

sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
sock.bind(("", 68))

replies = []
sniffer = AsyncSniffer(iface=iface, filter="udp and src port 67 and dst port 68", store=False,
                       prn=lambda p: replies.append(p) if p.haslayer(DHCP) else None)
sniffer.start()
time.sleep(0.3)
l2 = conf.L2socket(iface=iface)

def options(kind, extra=()):
    o = [("message-type", kind), ("client_id", b"\x01" + mac)] + list(extra) + [("hostname", hostname)]
    if vendor:
        o.append(("vendor_class_id", vendor))
    return o + [("param_req_list", prl), "end"]

def option(p, name):
    for o in p[DHCP].options:
        if isinstance(o, tuple) and o[0] == name:
            return o[1]
    return None

def broadcast(xid, kind, extra=(), ciaddr="0.0.0.0"):
    l2.send(Ether(src=mac_text, dst="ff:ff:ff:ff:ff:ff") / IP(src=ciaddr, dst="255.255.255.255") / UDP(sport=68, dport=67)
            / BOOTP(chaddr=mac + b"\0" * 10, xid=xid, ciaddr=ciaddr, flags=0x8000 if bflag else 0) / DHCP(options=options(kind, extra)))

def await_reply(xid, kinds, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for p in list(replies):
            if p[BOOTP].xid == xid and option(p, "message-type") in kinds:
                replies.remove(p)
                return p
        time.sleep(0.02)
    return None

def count_reply(p):
    kind = option(p, "message-type")
    counts["offers" if kind == 2 else "acks" if kind == 5 else "naks"] += 1

def unicast(xid, kind, ciaddr, server, wait):
    """A renewal (wait for the ACK on the socket) or a release (no answer) from the leased address."""
    # A release names the server (RFC 2131; dnsmasq ignores one that does not); a renewal must not.
    extra = [("server_id", server)] if kind == "release" else []
    msg = bytes(BOOTP(op=1, chaddr=mac + b"\0" * 10, xid=xid, ciaddr=ciaddr) / DHCP(options=options(kind, extra)))
    sock.sendto(msg, (server, 67))
    if not wait:
        return None
    sock.settimeout(3)
    try:
        while True:
            data, _ = sock.recvfrom(2048)
            p = BOOTP(data)
            if p.xid == xid and p.haslayer(DHCP):
                return p
    except socket.timeout:
        return None

def configure(address, router, up):
    if up:
        subprocess.run(["ip", "addr", "add", address + "/24", "dev", iface, "noprefixroute"], check=True)
        subprocess.run(["ip", "route", "add", "default", "via", router, "dev", iface, "onlink", "metric", str(100 + rnd.randrange(100))], check=True)
    else:
        subprocess.run(["ip", "addr", "flush", "dev", iface], check=True)

def bind(requested=None):
    """DORA (or INIT-REBOOT for a known address); returns (address, server, router, t1) or None."""
    xid = rnd.randrange(1, 1 << 32)
    if requested is None:
        offer = None
        for attempt in range(3):
            broadcast(xid, "discover")
            counts["discovers"] += 1
            offer = await_reply(xid, (2,), 4)
            if offer:
                break
        if not offer:
            return None
        count_reply(offer)
        address, server = offer[BOOTP].yiaddr, option(offer, "server_id")
        time.sleep(rnd.uniform(0.001, 0.05))
        broadcast(xid, "request", [("requested_addr", address), ("server_id", server)])
    else:
        address, server = requested
        broadcast(xid, "request", [("requested_addr", address)])
    counts["requests"] += 1
    ack = await_reply(xid, (5, 6), 4)
    if not ack:
        return None
    count_reply(ack)
    if option(ack, "message-type") != 5:
        return None
    router = option(ack, "router")
    configure(ack[BOOTP].yiaddr, router, True)
    return ack[BOOTP].yiaddr, option(ack, "server_id") or server, router, int(option(ack, "renewal_time") or 60)

def elapsed():
    return time.monotonic() - start_clock

time.sleep(start)
lease = bind()
left_and_back = profile != "android"
informed = profile != "windows"
next_renewal = elapsed() + lease[3] + rnd.uniform(0, 1) if lease else None
while lease and elapsed() < duration:
    if not informed and elapsed() > start + rnd.uniform(1, 3):
        # Windows asks for WPAD and the like from its bound address: a broadcast INFORM.
        xid = rnd.randrange(1, 1 << 32)
        broadcast(xid, "inform", ciaddr=lease[0])
        counts["informs"] += 1
        ack = await_reply(xid, (5,), 3)
        if ack:
            count_reply(ack)
        informed = True
    if not left_and_back and elapsed() > duration / 2:
        # The phone leaves the network (no release: phones do not send one) and comes back.
        configure(lease[0], lease[2], False)
        time.sleep(rnd.uniform(4, 8))
        lease = bind((lease[0], lease[1]))
        left_and_back = True
        next_renewal = elapsed() + (lease[3] if lease else 0) + rnd.uniform(0, 1)
        continue
    if elapsed() >= next_renewal:
        p = unicast(rnd.randrange(1, 1 << 32), "request", lease[0], lease[1], True)
        counts["renewals"] += 1
        if p:
            count_reply(p)
        next_renewal = elapsed() + lease[3] + rnd.uniform(0, 1)
    time.sleep(0.1)
if lease and profile == "linux":
    unicast(rnd.randrange(1, 1 << 32), "release", lease[0], lease[1], False)
    counts["releases"] += 1
    configure(lease[0], lease[2], False)
time.sleep(0.5)
sniffer.stop()
print(" ".join("%s %d" % kv for kv in counts.items()), "bound", 1 if lease else 0)
