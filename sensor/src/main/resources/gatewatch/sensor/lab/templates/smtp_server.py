# SMTP server of gatewatch lab (aiosmtpd): accepts mail for anyone, AUTH PLAIN/LOGIN for one user
# without TLS, and delivers into that user's Maildir (owned by UID, for the IMAP server).
# argv: ADDRESS USER PASSWORD MAILDIR UID
import mailbox, os, signal, sys
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

address, user, password, maildir, uid = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
box = mailbox.Maildir(maildir, create=True)

def give(path):
    for root, dirs, files in os.walk(path):
        for name in dirs + files:
            os.chown(os.path.join(root, name), uid, uid)
    os.chown(path, uid, uid)

give(maildir)

class Deliver:
    async def handle_DATA(self, server, session, envelope):
        box.add(envelope.original_content)
        give(maildir)
        return "250 2.0.0 Ok: queued"

def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == user.encode() and auth_data.password == password.encode()
    return AuthResult(success=ok)

controller = Controller(Deliver(), hostname=address, port=25, server_hostname="mail.lab.test",
                        authenticator=authenticate, auth_require_tls=False)
controller.start()
print("listening", flush=True)
signal.signal(signal.SIGTERM, lambda *a: (controller.stop(), sys.exit(0)))
signal.pause()
