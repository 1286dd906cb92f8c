#!/usr/bin/env python3
"""Writes a spoofed-source SYN flood for the memory benchmark: N SYNs, each from a distinct
source address (100.64.0.0/10 and up, one address per SYN), to one victim's port 80, 1 us apart,
as a nanosecond pcap. With N above the connection table's 1,000,000 and all SYNs within the 5 s
attempt timeout, the table fills and the oldest attempts are evicted.

usage: make-spoofed-flood.py OUT.pcap [N]    (default N = 1,200,000; about 80 MB)
"""
import struct
import sys


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    s = (s >> 16) + (s & 0xFFFF)
    s += s >> 16
    return ~s & 0xFFFF


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_200_000
    victim = bytes([10, 9, 9, 9])
    eth = b"\x02\x00\x00\x00\x00\x01" + b"\x02\x00\x00\x00\x00\x02" + b"\x08\x00"
    t0 = 1_700_000_000 * 1_000_000_000
    with open(out, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B23C4D, 2, 4, 0, 0, 262144, 1))
        for i in range(n):
            src = struct.pack("!I", (100 << 24 | 64 << 16) + i)
            sport = 1024 + (i % 60000)
            tcp = struct.pack("!HHIIBBHHH", sport, 80, (i * 7919) & 0xFFFFFFFF, 0, 5 << 4, 0x02, 64240, 0, 0)
            pseudo = src + victim + struct.pack("!BBH", 0, 6, len(tcp))
            tcp = tcp[:16] + struct.pack("!H", checksum(pseudo + tcp)) + tcp[18:]
            ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), i & 0xFFFF, 0, 64, 6, 0, src, victim)
            ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
            frame = eth + ip + tcp
            ts = t0 + i * 1000
            f.write(struct.pack("<IIII", ts // 1_000_000_000, ts % 1_000_000_000, len(frame), len(frame)))
            f.write(frame)


if __name__ == "__main__":
    main()
