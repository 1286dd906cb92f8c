# P2P-like client for gatewatch lab: a seeded schedule of UDP exchanges (DHT-like pings and
# lookups) and TCP piece transfers with many peers on high ports, several at once, for DURATION s.
# argv: SEED DURATION PORTS_FILE SOURCE_ADDRESSES(comma-separated)
import os, random, socket, sys, threading, time

seed, duration, ports_file, sources = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4].split(",")
peers = [tuple(l.split()) for l in open(ports_file)]
rnd = random.Random(seed)
counts = {"udp": 0, "tcp": 0, "udp_timeouts": 0}
lock = threading.Lock()

def udp_exchange(src, peer, n, gap, sizes):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((src, 0))
    s.settimeout(2)
    for i in range(n):
        req = sizes[i].to_bytes(4, "big") + os.urandom(rnd_len(sizes[i]))
        s.sendto(req, (peer[0], int(peer[1])))
        try:
            s.recvfrom(65535)
        except socket.timeout:
            with lock:
                counts["udp_timeouts"] += 1
        time.sleep(gap)
    s.close()
    with lock:
        counts["udp"] += 1

def rnd_len(x):
    return 20 + x % 80

def tcp_transfer(src, peer, pieces, piece, gap):
    s = socket.create_connection((peer[0], int(peer[1])), source_address=(src, 0), timeout=10)
    for _ in range(pieces):
        s.sendall(piece.to_bytes(4, "big") + b"\x00" * 13)
        got = 0
        while got < piece:
            chunk = s.recv(65536)
            if not chunk:
                break
            got += len(chunk)
        time.sleep(gap)
    s.close()
    with lock:
        counts["tcp"] += 1

threads = []
end = time.monotonic() + duration
while time.monotonic() < end:
    src = rnd.choice(sources)
    peer = rnd.choice(peers)
    if rnd.random() < 0.6:
        n = rnd.randint(1, 4)
        args = (src, peer, n, rnd.uniform(0.05, 0.8), [rnd.randint(40, 1200) for _ in range(n)])
        t = threading.Thread(target=udp_exchange, args=args)
    else:
        args = (src, peer, rnd.randint(1, 4), rnd.choice([16384, 32768, 65536]), rnd.uniform(0.01, 0.3))
        t = threading.Thread(target=tcp_transfer, args=args)
    t.start()
    threads.append(t)
    time.sleep(rnd.expovariate(4.0))
for t in threads:
    t.join()
print("udp_exchanges", counts["udp"])
print("tcp_transfers", counts["tcp"])
print("udp_timeouts", counts["udp_timeouts"])
