package gatewatch.sensor.lab.service;

import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import java.time.Duration;
import java.util.List;

/**
 * An SMTP submission server on port 25 of the server's address: Debian's python3-aiosmtpd with
 * AUTH PLAIN and LOGIN over cleartext (no STARTTLS required) and one account, accepting and
 * discarding mail. A full postfix + dovecot SASL setup would log in the same way on the wire;
 * aiosmtpd is a real SMTP daemon that needs no system configuration. Failed AUTH is answered
 * 535, which gatewatch counts as a failed login.
 */
public final class SmtpAuthServer {
    /** The interpreter must be Debian's: the module comes from the python3-aiosmtpd package. */
    public static final Tool AIOSMTPD = Tool.of("/usr/bin/python3", "python3-aiosmtpd", "-c",
            "import aiosmtpd; print('aiosmtpd', aiosmtpd.__version__)");
    public static final List<Tool> TOOLS = List.of(AIOSMTPD, Tools.PYTHON);

    private final Daemon server;

    private SmtpAuthServer(Daemon server) {
        this.server = server;
    }

    /** Starts the server with account {@code user}/{@code password} and waits until it listens. */
    public static SmtpAuthServer start(LabRun lab, String user, String password) {
        lab.writeFile("smtpd.py", SCRIPT);
        Daemon d = lab.startServer("aiosmtpd", List.of(lab.path(AIOSMTPD), lab.workDir().resolve("smtpd.py").toString(),
                lab.net().server(), user, password));
        lab.awaitTcpListener(25, Duration.ofSeconds(15));
        return new SmtpAuthServer(d);
    }

    /** Its log: one {@code auth ok|fail} line per AUTH attempt. */
    public Daemon process() {
        return server;
    }

    private static final String SCRIPT = """
            import sys, threading
            from aiosmtpd.controller import Controller
            from aiosmtpd.smtp import AuthResult, LoginPassword
            address, user, password = sys.argv[1], sys.argv[2].encode(), sys.argv[3].encode()

            class Sink:
                async def handle_DATA(self, server, session, envelope):
                    print("mail from", envelope.mail_from, "to", envelope.rcpt_tos, len(envelope.content), "bytes", flush=True)
                    return "250 OK"

            def authenticate(server, session, envelope, mechanism, auth_data):
                ok = isinstance(auth_data, LoginPassword) and auth_data.login == user and auth_data.password == password
                print("auth", "ok" if ok else "fail", mechanism, session.peer[0], flush=True)
                return AuthResult(success=ok, handled=False)

            controller = Controller(Sink(), hostname=address, port=25, server_hostname="mail.lab.test",
                                    authenticator=authenticate, auth_require_tls=False, ready_timeout=10)
            controller.start()
            print("listening", flush=True)
            threading.Event().wait()
            """;
}
