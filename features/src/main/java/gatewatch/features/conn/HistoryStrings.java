package gatewatch.features.conn;

/**
 * Reuses the strings of histories seen before: a few dozen histories ({@code S}, {@code Sr},
 * {@code ShADadFf}, ...) make up nearly all connections, and a flood finishes a connection per
 * packet. A direct-mapped cache of 1,024 entries; a miss builds the string and takes the entry.
 * One per capture thread.
 */
public final class HistoryStrings {
    private static final int SIZE = 1024;
    private final long[] first = new long[SIZE];
    private final long[] last = new long[SIZE];
    private final int[] length = new int[SIZE];
    private final String[] text = new String[SIZE];

    String of(History h) {
        long f = h.first8();
        long l = h.last8();
        int n = h.length();
        int i = (int) ((f * 0x9E3779B97F4A7C15L ^ l * 0xC2B2AE3D27D4EB4FL ^ n) >>> 54) & (SIZE - 1);
        String s = text[i];
        if (s != null && first[i] == f && last[i] == l && length[i] == n) {
            return s;
        }
        s = h.toString();
        first[i] = f;
        last[i] = l;
        length[i] = n;
        text[i] = s;
        return s;
    }
}
