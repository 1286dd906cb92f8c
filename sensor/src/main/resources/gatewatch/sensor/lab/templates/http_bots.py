# An application-layer GET flood as a botnet makes it: every source address is a bot (a thread
# with http.client), each at its own bounded request rate, starting at a seeded moment of the
# ramp-up, choosing per connection between one request with "Connection: close" and a keep-alive
# session of a few requests, with varied paths, query strings (cache busters, search words) and
# browser User-Agents. Prints one line per bot and a total line the scenario reads:
#   total requests N connections N errors N
# argv: SERVER SEED SECONDS RAMP MIN_RATE MAX_RATE SOURCE...
import http.client, random, sys, threading, time

server, seed, seconds, ramp = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
min_rate, max_rate, sources = float(sys.argv[5]), float(sys.argv[6]), sys.argv[7:]

AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0",
    "Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; Trident/6.0)",
    "Mozilla/5.0 (Windows NT 6.1; WOW64; rv:52.0) Gecko/20100101 Firefox/52.0",
    "Opera/9.80 (Windows NT 6.1; U; en) Presto/2.10.229 Version/11.62",
    "python-requests/2.31.0",
    "Go-http-client/1.1",
]
WORDS = ["lamp", "chair", "table", "kettle", "mug", "shelf", "rug", "sofa", "desk", "bed", "clock", "vase"]


def path(rnd):
    k = rnd.random()
    if k < 0.25:
        return "/search.php?q=%s" % rnd.choice(WORDS) + ("&page=%d" % rnd.randint(1, 9) if rnd.random() < 0.4 else "")
    if k < 0.40:
        return "/?%d" % rnd.randrange(10 ** 9)
    if k < 0.50:
        return "/index.php?ref=%x" % rnd.getrandbits(32)
    if k < 0.60:
        return "/login.php"
    if k < 0.75:
        return "/about.html?v=%d" % rnd.randrange(10 ** 6)
    if k < 0.85:
        return "/style.css"
    if k < 0.95:
        return "/catalogue.html"
    return "/product%d.html" % rnd.randint(1, 40)  # also pages that do not exist: 404


class Bot(threading.Thread):
    def __init__(self, index, source, start, end):
        super().__init__(daemon=True)
        self.rnd = random.Random(seed * 1000 + index)
        self.source, self.start_at, self.end = source, start, end
        self.rate = self.rnd.uniform(min_rate, max_rate)
        self.keep_alive = self.rnd.uniform(0.2, 0.7)
        self.agent = self.rnd.choice(AGENTS)
        self.rotate = self.rnd.random() < 0.5  # half the bots change their User-Agent per connection
        self.requests = self.connections = self.errors = 0

    def pace(self):
        time.sleep(self.rnd.expovariate(self.rate))

    def run(self):
        time.sleep(max(0.0, self.start_at - time.monotonic()))
        while time.monotonic() < self.end:
            n = self.rnd.randint(2, 8) if self.rnd.random() < self.keep_alive else 1
            agent = self.rnd.choice(AGENTS) if self.rotate else self.agent
            conn = http.client.HTTPConnection(server, 80, timeout=10, source_address=(self.source, 0))
            self.connections += 1
            try:
                for i in range(n):
                    headers = {"User-Agent": agent, "Accept": "text/html,*/*;q=0.8", "Accept-Language": "en-US,en;q=0.5"}
                    if i == n - 1:
                        headers["Connection"] = "close"
                    conn.request("GET", path(self.rnd), headers=headers)
                    conn.getresponse().read()
                    self.requests += 1
                    if i < n - 1:
                        self.pace()
            except (OSError, http.client.HTTPException):
                self.errors += 1
            finally:
                conn.close()
            self.pace()


now = time.monotonic()
bots = [Bot(i, s, now + random.Random(seed * 7919 + i).uniform(0, ramp), now + seconds) for i, s in enumerate(sources)]
for b in bots:
    b.start()
for b in bots:
    b.join()
for b in bots:
    print("bot %s rate %.1f requests %d connections %d errors %d" % (b.source, b.rate, b.requests, b.connections, b.errors))
print("total requests %d connections %d errors %d" % (sum(b.requests for b in bots), sum(b.connections for b in bots),
                                                      sum(b.errors for b in bots)))
