package gatewatch.synth.service;

import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/**
 * Bodies for web pages and files: one block of HTML-like text and one of binary bytes per run,
 * made once from the seed; a body is a slice of a block, so making a large file costs a copy,
 * not a random draw per byte.
 */
public final class Filler {
    private static final int BLOCK = 1 << 16;
    private static final String[] WORDS = {
        "the", "network", "report", "quarterly", "sales", "team", "meeting", "project", "schedule", "update",
        "server", "office", "budget", "review", "customer", "order", "product", "support", "release", "notes",
        "department", "contact", "information", "policy", "travel", "conference", "results", "plan", "draft", "final",
    };

    private final byte[] text = new byte[BLOCK];
    private final byte[] binary = new byte[BLOCK];

    public Filler(RandomGenerator rng) {
        StringBuilder sb = new StringBuilder(BLOCK + 64);
        while (sb.length() < BLOCK) {
            int r = rng.nextInt(20);
            if (r == 0) {
                sb.append("</p>\n<p>");
            } else if (r == 1) {
                sb.append("<a href=\"/").append(Draw.pick(rng, WORDS)).append(".html\">");
            } else if (r == 2) {
                sb.append("</a> ");
            } else {
                sb.append(Draw.pick(rng, WORDS)).append(' ');
            }
        }
        System.arraycopy(sb.toString().getBytes(StandardCharsets.ISO_8859_1), 0, text, 0, BLOCK);
        rng.nextBytes(binary);
    }

    /** {@code length} bytes of HTML-like text into {@code dst} at {@code offset}. */
    public void text(RandomGenerator rng, byte[] dst, int offset, int length) {
        copy(text, rng, dst, offset, length);
    }

    /** {@code length} bytes of a binary file. */
    public byte[] binary(RandomGenerator rng, int length) {
        byte[] b = new byte[length];
        copy(binary, rng, b, 0, length);
        return b;
    }

    private static void copy(byte[] block, RandomGenerator rng, byte[] dst, int offset, int length) {
        int from = rng.nextInt(BLOCK);
        int done = 0;
        while (done < length) {
            int n = Math.min(length - done, BLOCK - from);
            System.arraycopy(block, from, dst, offset + done, n);
            done += n;
            from = 0;
        }
    }
}
