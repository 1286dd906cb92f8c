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
 * One HTTP/1.0 fetch: a GET of about 130–420 bytes, a 200 response whose size follows the KDD normal
 * http records (median 1,425 bytes, a tenth above 10 KB), and the server closing. One record:
 * http, SF.
 */
public final class HttpExchange {
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final String[] AGENTS = {
        "Mozilla/4.0 (compatible; MSIE 5.0; Windows 98; DigExt)",
        "Mozilla/4.61 [en] (X11; U; Linux 2.2.5-15 i686)",
        "Mozilla/4.5 [en] (WinNT; I)",
        "Mozilla/4.08 [en] (X11; I; SunOS 5.7 sun4u)",
    };
    private static final String[] DIRS = {"", "/news", "/products", "/docs", "/people", "/images", "/support"};

    private HttpExchange() {
    }

    public static Session session(Env env, Host client, Host server, String hostName, long start, RandomGenerator rng) {
        int requestSize = Draw.logNormal(rng, 235, 0.3, 140, 420);
        int responseSize = Draw.logNormal(rng, 1_425, 1.52, 200, 300_000);
        ScriptBuilder b = new ScriptBuilder();
        int c = b.connection(Paths.link(client, client.ephemeralPort(), server, 80, rng));
        b.open(c, 0)
                .send(c, ORIGINATOR, request(rng, hostName, requestSize), Draw.millis(rng, 0, 0.2))
                .send(c, RESPONDER, response(env.filler(), rng, start, responseSize), Draw.millis(rng, 0.3, 40))
                .close(c, RESPONDER, Draw.millis(rng, 0, 0.3));
        env.tally().addRecords(1);
        return b.build(env.tally(), start, rng);
    }

    static byte[] request(RandomGenerator rng, String hostName, int size) {
        String referer = rng.nextBoolean() ? "Referer: http://" + hostName + "/\r\n" : "";
        String accept = rng.nextInt(3) == 0 ? "*/*" : "image/gif, image/x-xbitmap, image/jpeg, image/pjpeg, */*";
        String tail = " HTTP/1.0\r\n" + referer + "User-Agent: " + Draw.pick(rng, AGENTS) + "\r\nHost: " + hostName
                + "\r\nAccept: " + accept + "\r\n\r\n";
        StringBuilder path = new StringBuilder("GET ").append(Draw.pick(rng, DIRS)).append('/');
        String[] words = {"index", "page", "item", "story", "view", "list"};
        path.append(Draw.pick(rng, words)).append(rng.nextInt(1000)).append(".html");
        int room = size - path.length() - tail.length();
        if (room > 4) {
            // A query string pads the request to the drawn size, as forms and session ids do.
            path.append("?id=");
            for (int i = 4; i < room; i++) {
                path.append((char) ('a' + rng.nextInt(26)));
            }
        }
        return (path + tail).getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] response(Filler filler, RandomGenerator rng, long nowNanos, int size) {
        String date = DATE.format(Instant.ofEpochSecond(nowNanos / 1_000_000_000L));
        String head = "HTTP/1.1 200 OK\r\nDate: " + date + "\r\nServer: Apache/1.3.6 (Unix)\r\n"
                + "Last-Modified: " + date + "\r\nAccept-Ranges: bytes\r\nConnection: close\r\n"
                + "Content-Type: text/html\r\nContent-Length: ";
        int body = Math.max(0, size - head.length() - 8);
        byte[] headBytes = (head + body + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        filler.text(rng, all, headBytes.length, body);
        return all;
    }
}
