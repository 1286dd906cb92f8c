# A mail client's POP3 session for gatewatch lab (poplib): optionally STLS, USER/PASS, STAT,
# UIDL or LIST, RETR of some messages at a human pace, sometimes DELE of one, QUIT.
# TYPO: "none"; "same" = the user first types a wrong password, the client gets -ERR and asks
# again on the same connection; "new" = the client drops the connection after -ERR and the user
# logs in again on a new one (both after a pause to retype).
# argv: SOURCE SERVER USER PASSWORD SEED TLS(0|1) TYPO(none|same|new)
import poplib, random, socket, ssl, sys, time

src, server, user, password, seed = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
tls, typo = sys.argv[6] == "1", sys.argv[7]
rnd = random.Random(seed)

class Pop(poplib.POP3):
    def _create_socket(self, timeout):
        return socket.create_connection((self.host, self.port), timeout, source_address=(src, 0))

def connect():
    m = Pop(server, 110, timeout=30)
    if tls:
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE  # the run's self-signed certificate
        m.stls(context=ctx)
    return m

def login(m, secret):
    m.user(user)
    m.pass_(secret)

connections = 1
failed = 0
m = connect()
if typo != "none":
    wrong = password[:-1] + ("x" if password[-1] != "x" else "y")
    try:
        login(m, wrong)
    except poplib.error_proto:
        failed += 1
    time.sleep(rnd.uniform(2.0, 5.0))
    if typo == "new":
        m.close()
        m = connect()
        connections += 1
login(m, password)
time.sleep(rnd.uniform(0.2, 1.0))
count, size = m.stat()
if rnd.random() < 0.5:
    m.uidl()
else:
    m.list()
fetched = 0
deleted = 0
if count:
    for n in sorted(rnd.sample(range(1, count + 1), min(count, rnd.randint(1, 4)))):
        time.sleep(rnd.uniform(0.4, 2.0))
        m.retr(n)
        fetched += 1
    if rnd.random() < 0.4:
        m.dele(rnd.randint(1, count))
        deleted += 1
m.quit()
print("messages", count)
print("retrieved", fetched)
print("deleted", deleted)
print("failed_logins", failed)
print("connections", connections)
