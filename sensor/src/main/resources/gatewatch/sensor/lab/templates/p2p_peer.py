# P2P-like peers for gatewatch lab: answers on many high ports, TCP and UDP, on several addresses.
# argv: PORTS_FILE (lines "ADDRESS PORT"). Each UDP datagram gets a reply of seeded-looking size;
# each TCP connection gets a reply per request until the peer closes.
import os, selectors, socket, sys, threading

def tcp_client(conn):
    with conn:
        conn.settimeout(30)
        try:
            while True:
                req = conn.recv(4096)
                if not req:
                    return
                want = int.from_bytes(req[:4], "big") if len(req) >= 4 else 64
                conn.sendall(os.urandom(min(want, 262144)))
        except OSError:
            return

sel = selectors.DefaultSelector()
for line in open(sys.argv[1]):
    addr, port = line.split()
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.bind((addr, int(port)))
    sel.register(u, selectors.EVENT_READ, "udp")
    t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    t.bind((addr, int(port)))
    t.listen(16)
    sel.register(t, selectors.EVENT_READ, "tcp")
print("listening", flush=True)
while True:
    for key, _ in sel.select():
        s = key.fileobj
        if key.data == "udp":
            data, peer = s.recvfrom(65535)
            want = int.from_bytes(data[:4], "big") if len(data) >= 4 else 32
            s.sendto(os.urandom(max(20, min(want, 1400))), peer)
        else:
            conn, _ = s.accept()
            threading.Thread(target=tcp_client, args=(conn,), daemon=True).start()
