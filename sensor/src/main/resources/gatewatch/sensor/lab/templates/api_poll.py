# An application polling a JSON endpoint for gatewatch lab: GET (or POST with a small JSON body)
# URL every MIN-MAX s (seeded) for DURATION s, over one keep-alive connection (reopened if the
# server closes it) or a new connection per request (Connection: close). TLS certificates are not
# checked (the lab's is self-signed). argv: SOURCE URL MIN MAX DURATION KEEPALIVE(0/1) SEED [post]
import http.client, json, random, ssl, sys, time, urllib.parse

src, url, lo, hi, duration, keepalive, seed = (sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]),
                                             float(sys.argv[5]), sys.argv[6] == "1", int(sys.argv[7]))
post = len(sys.argv) > 8 and sys.argv[8] == "post"
u = urllib.parse.urlsplit(url)
rnd = random.Random(seed)
ctx = ssl._create_unverified_context()

def connect():
    if u.scheme == "https":
        return http.client.HTTPSConnection(u.hostname, u.port or 443, timeout=15, source_address=(src, 0), context=ctx)
    return http.client.HTTPConnection(u.hostname, u.port or 80, timeout=15, source_address=(src, 0))

conn, requests, connections, ok = None, 0, 0, 0
end = time.monotonic() + duration
while time.monotonic() < end:
    if conn is None:
        conn = connect()
        connections += 1
    headers = {"Accept": "application/json", "User-Agent": "lab-app/1.0"}
    if not keepalive:
        headers["Connection"] = "close"
    body = None
    if post:
        body = json.dumps({"device": src, "seq": requests, "temp": round(rnd.uniform(18, 24), 2)})
        headers["Content-Type"] = "application/json"
    try:
        conn.request("POST" if post else "GET", u.path or "/", body=body, headers=headers)
        r = conn.getresponse()
        r.read()
        requests += 1
        ok += r.status == 200
        if not keepalive or r.getheader("Connection", "").lower() == "close":
            conn.close()
            conn = None
    except (http.client.HTTPException, OSError):
        # The server closed an idle keep-alive connection between polls: reconnect, as clients do.
        conn.close()
        conn = None
        continue
    time.sleep(rnd.uniform(lo, hi))
if conn is not None:
    conn.close()
print("requests", requests, "connections", connections, "ok", ok)
