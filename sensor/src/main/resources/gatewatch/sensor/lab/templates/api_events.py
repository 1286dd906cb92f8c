# The streaming side of an application for gatewatch lab (HTTP/1.1, threads): /events is a
# server-sent-event stream (an event every INTERVAL s, COUNT of them, then the end of the
# response), /poll a long poll (the answer after a seeded 2-6 s, the connection kept alive).
# argv: ADDRESS PORT INTERVAL COUNT SEED
import json, random, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

address, port, interval, count, seed = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rnd = random.Random(seed)
lock = threading.Lock()

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path == "/events":
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Connection", "close")
            self.end_headers()
            for i in range(count):
                with lock:
                    value = rnd.randint(0, 1000)
                self.wfile.write(("id: %d\nevent: tick\ndata: %s\n\n" % (i, json.dumps({"n": i, "value": value}))).encode())
                self.wfile.flush()
                time.sleep(interval)
            self.close_connection = True
        elif self.path == "/poll":
            with lock:
                wait = rnd.uniform(2.0, 6.0)
            time.sleep(wait)
            body = json.dumps({"messages": [{"id": int(time.time() * 1000) % 100000, "text": "update"}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404)

    def address_string(self):
        return self.client_address[0]

ThreadingHTTPServer.daemon_threads = True
server = ThreadingHTTPServer((address, port), Handler)
print("listening", address, port, flush=True)
server.serve_forever()
