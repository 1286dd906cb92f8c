# An RTP-like voice call for gatewatch lab: one side of it. Sends RTP (version 2, PT 0, 160-byte
# G.711 frames: 172-byte payloads) every 20 ms from LOCAL_ADDR:PORT to REMOTE_ADDR:PORT for
# SECONDS s, and an RTCP sender report from PORT+1 every 5 s; reads what the other side sends.
# With ANSWER=1 it waits for the other side's first packet before it sends (as a media relay
# latches), so no packet reaches a port not yet open (no ICMP port unreachable).
# argv: LOCAL_ADDR PORT REMOTE_ADDR REMOTE_PORT SECONDS SEED ANSWER
import os, random, socket, struct, sys, threading, time

local, port, remote, rport, seconds, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
answer = sys.argv[7] == "1"
rnd = random.Random(seed)
rtp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
rtp.bind((local, port))
rtcp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
rtcp.bind((local, port + 1))
received = [0]

def drain(s):
    s.settimeout(1.0)
    while True:
        try:
            s.recv(2048)
            received[0] += 1
        except socket.timeout:
            if stop.is_set():
                return
        except OSError:
            return

stop = threading.Event()
if answer:
    rtp.settimeout(30)
    rtp.recv(2048)
    received[0] += 1
    rtp.settimeout(None)
for s in (rtp, rtcp):
    threading.Thread(target=drain, args=(s,), daemon=True).start()
ssrc = rnd.getrandbits(32)
seq = rnd.getrandbits(16)
ts = rnd.getrandbits(32)
sent = 0
start = time.monotonic()
next_rtcp = start + 5.0
n = int(seconds * 50)
for i in range(n):
    target = start + i * 0.020
    delay = target - time.monotonic()
    if delay > 0:
        time.sleep(delay)
    header = struct.pack("!BBHII", 0x80, 0x80 if i == 0 else 0x00, (seq + i) & 0xFFFF, (ts + 160 * i) & 0xFFFFFFFF, ssrc)
    rtp.sendto(header + bytes(rnd.getrandbits(8) for _ in range(160)), (remote, rport))
    sent += 1
    if time.monotonic() >= next_rtcp:
        ntp = int((time.time() + 2208988800) * (1 << 32))
        sr = struct.pack("!BBHIQIII", 0x80, 200, 6, ssrc, ntp, (ts + 160 * i) & 0xFFFFFFFF, sent, sent * 172)
        rtcp.sendto(sr, (remote, rport + 1))
        next_rtcp += 5.0
stop.set()
time.sleep(1.2)
print("rtp_sent", sent)
print("received", received[0])
