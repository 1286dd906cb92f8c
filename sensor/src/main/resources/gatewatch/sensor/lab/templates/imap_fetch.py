# A mail client's IMAP session for gatewatch lab: login, list folders, open INBOX, fetch the headers
# of every message and the bodies of a few, read at a human pace, flag them seen, logout.
# argv: SOURCE SERVER USER PASSWORD SEED
import imaplib, random, socket, sys, time

src, server, user, password, seed = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
rnd = random.Random(seed)

class Imap(imaplib.IMAP4):
    def _create_socket(self, timeout):
        return socket.create_connection((self.host, self.port), timeout, source_address=(src, 0))

m = Imap(server, 143, timeout=15)
m.login(user, password)
m.list()
typ, data = m.select("INBOX")
count = int(data[0])
fetched = 0
if count:
    m.fetch("1:%d" % count, "(FLAGS BODY.PEEK[HEADER.FIELDS (FROM SUBJECT DATE)])")
    for n in rnd.sample(range(1, count + 1), min(count, 3)):
        time.sleep(rnd.uniform(0.5, 2.5))
        m.fetch(str(n), "(BODY[])")
        fetched += 1
    m.store("1:%d" % count, "+FLAGS", "\\Seen")
m.close()
m.logout()
print("messages", count)
print("bodies_fetched", fetched)
