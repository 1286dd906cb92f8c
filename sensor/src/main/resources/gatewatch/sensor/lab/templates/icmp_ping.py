# ping(8)-like ICMP echo for gatewatch lab (Debian has no iputils-ping here): COUNT echo requests
# of 56 data bytes (a timeval and a pattern, as iputils sends) to HOST every INTERVAL s, waiting
# up to 1 s for each reply. argv: SOURCE HOST COUNT INTERVAL IDENT
import os, select, socket, struct, sys, time

src, host, count, interval, ident = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])

def checksum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xFFFF)
    s += s >> 16
    return ~s & 0xFFFF

s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
s.bind((src, 0))
replies = 0
for seq in range(1, count + 1):
    now = time.time()
    data = struct.pack("!QQ", int(now), int((now % 1) * 1e6)) + bytes(range(0x10, 0x10 + 40))
    hdr = struct.pack("!BBHHH", 8, 0, 0, ident, seq)
    pkt = struct.pack("!BBHHH", 8, 0, checksum(hdr + data), ident, seq) + data
    s.sendto(pkt, (host, 0))
    deadline = time.monotonic() + 1.0
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([s], [], [], left)[0]:
            break
        reply = s.recv(2048)
        ihl = (reply[0] & 0x0F) * 4
        t, _, _, rid, rseq = struct.unpack("!BBHHH", reply[ihl:ihl + 8])
        if t == 0 and rid == ident and rseq == seq:
            replies += 1
            break
    if seq < count:
        time.sleep(max(0.0, interval - (time.time() - now)))
print(host, "transmitted", count, "received", replies)
