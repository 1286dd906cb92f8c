package gatewatch.synth.service;

import static gatewatch.synth.session.TcpConversation.Side.ORIGINATOR;
import static gatewatch.synth.session.TcpConversation.Side.RESPONDER;

import gatewatch.synth.net.Host;
import gatewatch.synth.net.Ipv4;
import gatewatch.synth.session.ScriptBuilder;
import gatewatch.synth.session.Session;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/**
 * Telnet to the site's shell host: option negotiation as a BSD client and a Solaris server do
 * it, the login, and either a short interactive session (keystrokes echoed one by one, command
 * output) or a failed password.
 */
public final class TelnetExchange {
    private static final int IAC = 255;
    private static final int DO = 253;
    private static final int WILL = 251;
    private static final int WONT = 252;
    private static final int SB = 250;
    private static final int SE = 240;
    private static final int ECHO = 1;
    private static final int SGA = 3;
    private static final int TTYPE = 24;
    private static final int NAWS = 31;
    private static final int TSPEED = 32;
    private static final int LFLOW = 33;
    private static final int XDISPLOC = 35;
    private static final int NEW_ENVIRON = 39;
    private static final String BANNER = "\r\n\r\nSunOS 5.5.1 (pascal.lan)\r\n\r\nAuthorized users only; all access is logged.\r\n\r\nlogin: ";
    private static final String[] COMMANDS = {"ls -l", "cat notes.txt", "ps -ef | grep netscape", "who", "df -k",
        "more report.txt", "cd src/project", "make all", "pine", "ls -la /usr/local/bin", "finger", "grep TODO *.c",
        "tail -50 /var/adm/messages", "vi README", "lpr -Plaser report.ps"};
    private static final String[] USERS = {"alice", "bob", "carol", "dave", "erin", "frank"};

    private TelnetExchange() {
    }

    /**
     * A user logs in, types three to twelve commands and logs out; the server closes. About half a
     * minute to two minutes, some KB of output, as the KDD normal telnet records (one record:
     * telnet, SF).
     */
    public static Session interactive(Env env, Host client, Host server, long start, RandomGenerator rng) {
        ScriptBuilder b = new ScriptBuilder();
        int c = b.connection(Paths.link(client, client.ephemeralPort(), server, 23, rng));
        negotiate(b, c, client, rng);
        typed(b, c, Draw.pick(rng, USERS), true, rng);
        b.send(c, RESPONDER, "Password:", Draw.millis(rng, 0.2, 2));
        typed(b, c, FtpExchange.password(rng), false, rng);
        b.send(c, RESPONDER, "\r\nLast login: Mon Mar  8 09:12:44 from " + Ipv4.format(client.address())
                + "\r\nSun Microsystems Inc.   SunOS 5.5.1       Generic May 1996\r\n$ ", Draw.millis(rng, 200, 900));
        int commands = 3 + rng.nextInt(10);
        for (int i = 0; i < commands; i++) {
            typed(b, c, Draw.pick(rng, COMMANDS), true, rng);
            byte[] output = new byte[Draw.logNormal(rng, 2_500, 1.3, 20, 120_000) + 4];
            env.filler().text(rng, output, 0, output.length - 4);
            System.arraycopy("\r\n$ ".getBytes(StandardCharsets.ISO_8859_1), 0, output, output.length - 4, 4);
            b.send(c, RESPONDER, output, Draw.millis(rng, 2, 300));
        }
        typed(b, c, "exit", true, rng);
        b.send(c, RESPONDER, "logout\r\n", Draw.millis(rng, 1, 20)).close(c, RESPONDER, Draw.millis(rng, 0.2, 2));
        env.tally().addRecords(1);
        return b.build(env.tally(), start, rng);
    }

    /**
     * Option negotiation and the login prompt, then one guessed password sent as a line (a
     * script, not a person), "Login incorrect", and the client aborting with RST: the shape of
     * the KDD guess_passwd records (telnet, RSTO, about 125 bytes out, 179 back, duration 0).
     */
    public static void failedLogin(ScriptBuilder b, int c, Host client, String user, String password,
                                   RandomGenerator rng) {
        negotiate(b, c, client, rng);
        b.send(c, ORIGINATOR, user + "\r\n", Draw.millis(rng, 1, 10))
                .send(c, RESPONDER, user + "\r\nPassword:", Draw.millis(rng, 0.2, 2))
                .send(c, ORIGINATOR, password + "\r\n", Draw.millis(rng, 1, 10))
                .send(c, RESPONDER, "\r\nLogin incorrect\r\nlogin: ", Draw.millis(rng, 20, 200))
                .reset(c, ORIGINATOR, Draw.millis(rng, 1, 30));
    }

    private static void negotiate(ScriptBuilder b, int c, Host client, RandomGenerator rng) {
        int a = client.address();
        String display = ((a >>> 8) & 0xff) + "." + (a & 0xff) + ":0.0";
        b.open(c, 0)
                .send(c, RESPONDER, bytes(IAC, DO, TTYPE, IAC, DO, TSPEED, IAC, DO, XDISPLOC, IAC, DO, NEW_ENVIRON),
                        Draw.millis(rng, 1, 20))
                .send(c, ORIGINATOR, bytes(IAC, WILL, TTYPE, IAC, WILL, TSPEED, IAC, WILL, XDISPLOC, IAC, WILL, NEW_ENVIRON),
                        Draw.millis(rng, 0.1, 1))
                .send(c, RESPONDER, bytes(IAC, SB, TSPEED, 1, IAC, SE, IAC, SB, XDISPLOC, 1, IAC, SE,
                        IAC, SB, NEW_ENVIRON, 1, IAC, SE, IAC, SB, TTYPE, 1, IAC, SE), Draw.millis(rng, 0.2, 2))
                .send(c, ORIGINATOR, subnegotiations(display), Draw.millis(rng, 0.1, 1))
                .send(c, RESPONDER, bytes(IAC, WILL, SGA, IAC, WILL, ECHO, IAC, DO, NAWS, IAC, DO, LFLOW),
                        Draw.millis(rng, 0.2, 2))
                .send(c, ORIGINATOR, bytes(IAC, DO, SGA, IAC, DO, ECHO, IAC, WILL, NAWS, IAC, SB, NAWS, 0, 80, 0, 24,
                        IAC, SE, IAC, WONT, LFLOW), Draw.millis(rng, 0.1, 1))
                .send(c, RESPONDER, BANNER, Draw.millis(rng, 5, 60));
    }

    /** A person typing a line: each key a segment, echoed by the server when {@code echo}. */
    private static void typed(ScriptBuilder b, int c, String line, boolean echo, RandomGenerator rng) {
        long pause = Draw.millis(rng, 1_000, 8_000);
        for (int i = 0; i < line.length(); i++) {
            b.send(c, ORIGINATOR, line.substring(i, i + 1), i == 0 ? pause : Draw.millis(rng, 60, 250));
            if (echo) {
                b.send(c, RESPONDER, line.substring(i, i + 1), Draw.millis(rng, 0.1, 1));
            }
        }
        b.send(c, ORIGINATOR, "\r\n", Draw.millis(rng, 60, 250));
        if (echo) {
            b.send(c, RESPONDER, "\r\n", Draw.millis(rng, 0.1, 1));
        }
    }

    private static byte[] subnegotiations(String display) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(80);
        out.writeBytes(bytes(IAC, SB, TSPEED, 0));
        out.writeBytes("38400,38400".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes(IAC, SE, IAC, SB, XDISPLOC, 0));
        out.writeBytes(display.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes(IAC, SE, IAC, SB, NEW_ENVIRON, 0, 0));
        out.writeBytes("DISPLAY".getBytes(StandardCharsets.US_ASCII));
        out.write(1);
        out.writeBytes(display.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes(IAC, SE, IAC, SB, TTYPE, 0));
        out.writeBytes("XTERM".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes(IAC, SE));
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
