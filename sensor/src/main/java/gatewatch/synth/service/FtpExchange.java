package gatewatch.synth.service;

import static gatewatch.synth.session.TcpConversation.Side.ORIGINATOR;
import static gatewatch.synth.session.TcpConversation.Side.RESPONDER;

import gatewatch.synth.net.Host;
import gatewatch.synth.session.ScriptBuilder;
import gatewatch.synth.session.Session;
import java.util.random.RandomGenerator;

/**
 * A person fetching files by FTP in active mode: login ({@code USER}/{@code PASS}, {@code 230}
 * with the site's welcome text), {@code SYST}, {@code CWD}, {@code TYPE I}, then for each file
 * {@code PORT} and {@code RETR} with the data sent over a new connection from the server's port
 * 20, and {@code QUIT}. With typing pauses it lasts 10–40 s, like the KDD normal ftp records
 * (duration 21–31 s for most). Records: ftp (SF) plus one ftp_data (SF, the server as
 * originator, src_bytes = the file) for each file; file sizes follow the KDD ftp_data records
 * (median about 1 KB, a tenth above 12 KB).
 */
public final class FtpExchange {
    private static final String[] USERS = {"alice", "bob", "carol", "dave", "erin", "frank"};
    private static final String[] FILES = {"report.ps", "data.tar.Z", "notes.txt", "patch.gz", "README", "list.doc"};
    private static final String WELCOME = """
            230-Welcome to the LAN archive.\r
            230-\r
            230-All transfers are logged. If you do not agree to this policy, disconnect now.\r
            230-Please report problems with this server to ftp-admin@lan.example.\r
            230-\r
            230-The local time is the server's; the archive is mirrored nightly at 02:00.\r
            230-\r
            """;

    private FtpExchange() {
    }

    /** The session and its {@code files} data connections: {@code 1 + files} records. */
    public static Session session(Env env, Host client, Host server, int files, long start, RandomGenerator rng) {
        String user = Draw.pick(rng, USERS);
        ScriptBuilder b = new ScriptBuilder();
        int c = b.connection(Paths.link(client, client.ephemeralPort(), server, 21, rng));
        b.open(c, 0)
                .send(c, RESPONDER, "220 ftp.lan.example FTP server (Version wu-2.4.2-academ[BETA-18](1) Mon Jan 4 1999) ready.\r\n",
                        Draw.millis(rng, 1, 40))
                .send(c, ORIGINATOR, "USER " + user + "\r\n", Draw.millis(rng, 1_500, 5_000))
                .send(c, RESPONDER, "331 Password required for " + user + ".\r\n", Draw.millis(rng, 0.5, 5))
                .send(c, ORIGINATOR, "PASS " + password(rng) + "\r\n", Draw.millis(rng, 1_500, 5_000))
                .send(c, RESPONDER, WELCOME + "230 User " + user + " logged in.\r\n", Draw.millis(rng, 20, 400))
                .send(c, ORIGINATOR, "SYST\r\n", Draw.millis(rng, 0.5, 3))
                .send(c, RESPONDER, "215 UNIX Type: L8 Version: SUNOS\r\n", Draw.millis(rng, 0.2, 2))
                .send(c, ORIGINATOR, "PWD\r\n", Draw.millis(rng, 1_000, 4_000))
                .send(c, RESPONDER, "257 \"/home/" + user + "\" is current directory.\r\n", Draw.millis(rng, 0.2, 2))
                .send(c, ORIGINATOR, "CWD /pub/reports\r\n", Draw.millis(rng, 1_500, 6_000))
                .send(c, RESPONDER, "250 CWD command successful.\r\n", Draw.millis(rng, 0.2, 3))
                .send(c, ORIGINATOR, "TYPE I\r\n", Draw.millis(rng, 1_000, 4_000))
                .send(c, RESPONDER, "200 Type set to I.\r\n", Draw.millis(rng, 0.2, 2));
        for (int i = 0; i < files; i++) {
            int dataPort = client.ephemeralPort();
            int a = client.address();
            String port = "PORT " + (a >>> 24) + "," + ((a >>> 16) & 0xff) + "," + ((a >>> 8) & 0xff) + "," + (a & 0xff)
                    + "," + (dataPort >>> 8) + "," + (dataPort & 0xff) + "\r\n";
            String file = Draw.pick(rng, FILES);
            byte[] content = env.filler().binary(rng, Draw.logNormal(rng, 1_030, 1.9, 40, 400_000));
            int d = b.connection(Paths.link(server, 20, client, dataPort, rng));
            b.send(c, ORIGINATOR, port, Draw.millis(rng, 1_500, 7_000))
                    .send(c, RESPONDER, "200 PORT command successful.\r\n", Draw.millis(rng, 0.2, 2))
                    .send(c, ORIGINATOR, "RETR " + file + "\r\n", Draw.millis(rng, 0.2, 2))
                    .send(c, RESPONDER, "150 Opening BINARY mode data connection for " + file + " (" + content.length
                            + " bytes).\r\n", Draw.millis(rng, 0.5, 10))
                    .open(d, Draw.millis(rng, 0.1, 2))
                    .send(d, ORIGINATOR, content, Draw.millis(rng, 0, 0.5))
                    .close(d, ORIGINATOR, Draw.millis(rng, 0, 0.5))
                    .send(c, RESPONDER, "226 Transfer complete.\r\n", Draw.millis(rng, 0.1, 2));
        }
        b.send(c, ORIGINATOR, "QUIT\r\n", Draw.millis(rng, 1_000, 5_000))
                .send(c, RESPONDER, "221 Goodbye.\r\n", Draw.millis(rng, 0.2, 2))
                .close(c, RESPONDER, Draw.millis(rng, 0, 0.5));
        env.tally().addRecords(1 + files);
        return b.build(env.tally(), start, rng);
    }

    static String password(RandomGenerator rng) {
        StringBuilder sb = new StringBuilder();
        int n = 6 + rng.nextInt(5);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + rng.nextInt(26)));
        }
        return sb.toString();
    }
}
