package gatewatch.synth.service;

import static gatewatch.synth.session.TcpConversation.Side.ORIGINATOR;
import static gatewatch.synth.session.TcpConversation.Side.RESPONDER;

import gatewatch.synth.net.Host;
import gatewatch.synth.session.ScriptBuilder;
import gatewatch.synth.session.Session;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

/**
 * One mail delivery to the site's mail server: banner, EHLO, MAIL, RCPT, DATA with a message,
 * QUIT, the server closing. The message size follows the KDD normal smtp records (client bytes
 * median about 1,200, a tenth above 2,500; server bytes about 330). One record: smtp, SF.
 */
public final class SmtpExchange {
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final String[] USERS = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"};
    private static final String[] SUBJECTS = {"meeting notes", "re: schedule", "budget draft", "lunch?", "release plan"};

    private SmtpExchange() {
    }

    public static Session session(Env env, Host client, String clientName, Host server, long start, RandomGenerator rng) {
        String date = DATE.format(Instant.ofEpochSecond(start / 1_000_000_000L));
        String from = Draw.pick(rng, USERS) + "@" + clientName;
        String to = Draw.pick(rng, USERS) + "@lan.example";
        int id = 10_000 + rng.nextInt(90_000);
        String head = "Received: from " + clientName + " by mail.lan.example\r\nDate: " + date + "\r\nFrom: " + from
                + "\r\nTo: " + to + "\r\nSubject: " + Draw.pick(rng, SUBJECTS) + "\r\nMessage-Id: <" + id + "@"
                + clientName + ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n";
        int bodySize = Math.max(20, Draw.logNormal(rng, 1_150, 0.55, 100, 60_000) - head.length());
        byte[] message = new byte[head.length() + bodySize + 5];
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(headBytes, 0, message, 0, headBytes.length);
        env.filler().text(rng, message, headBytes.length, bodySize);
        lineBreaks(message, headBytes.length, bodySize);
        System.arraycopy(".\r\n".getBytes(StandardCharsets.ISO_8859_1), 0, message, message.length - 3, 3);
        message[message.length - 5] = '\r';
        message[message.length - 4] = '\n';

        ScriptBuilder b = new ScriptBuilder();
        int c = b.connection(Paths.link(client, client.ephemeralPort(), server, 25, rng));
        b.open(c, 0)
                .send(c, RESPONDER, "220 mail.lan.example ESMTP Sendmail 8.9.3; " + date + "\r\n", Draw.millis(rng, 1, 30))
                .send(c, ORIGINATOR, "EHLO " + clientName + "\r\n", Draw.millis(rng, 0.2, 5))
                .send(c, RESPONDER, "250-mail.lan.example Hello " + clientName + ", pleased to meet you\r\n"
                        + "250-8BITMIME\r\n250 HELP\r\n", Draw.millis(rng, 1, 20))
                .send(c, ORIGINATOR, "MAIL From:<" + from + ">\r\n", Draw.millis(rng, 0.2, 5))
                .send(c, RESPONDER, "250 <" + from + ">... Sender ok\r\n", Draw.millis(rng, 1, 20))
                .send(c, ORIGINATOR, "RCPT To:<" + to + ">\r\n", Draw.millis(rng, 0.2, 5))
                .send(c, RESPONDER, "250 <" + to + ">... Recipient ok\r\n", Draw.millis(rng, 1, 40))
                .send(c, ORIGINATOR, "DATA\r\n", Draw.millis(rng, 0.2, 5))
                .send(c, RESPONDER, "354 Enter mail, end with \".\"\r\n", Draw.millis(rng, 0.5, 5))
                .send(c, ORIGINATOR, message, Draw.millis(rng, 0.2, 5))
                .send(c, RESPONDER, "250 " + id + " Message accepted\r\n", Draw.millis(rng, 5, 900))
                .send(c, ORIGINATOR, "QUIT\r\n", Draw.millis(rng, 0.2, 5))
                .send(c, RESPONDER, "221 closing connection\r\n", Draw.millis(rng, 0.2, 2))
                .close(c, RESPONDER, Draw.millis(rng, 0, 0.5));
        env.tally().addRecords(1);
        return b.build(env.tally(), start, rng);
    }

    /** Breaks filler text into lines of at most 72 characters, as mail bodies are. */
    private static void lineBreaks(byte[] b, int from, int length) {
        for (int i = from + 70; i + 1 < from + length; i += 72) {
            b[i] = '\r';
            b[i + 1] = '\n';
        }
    }
}
