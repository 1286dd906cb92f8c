package gatewatch.sensor.json;

import java.nio.charset.StandardCharsets;

/**
 * Epoch nanoseconds as {@code yyyy-MM-ddTHH:mm:ss.uuuuuuZ} (UTC, microseconds), without the
 * temporal machinery of {@code DateTimeFormatter}: three timestamps go into every alert, and the
 * sink writes alerts by the hundred thousand in a flood.
 */
public final class IsoTimestamp {
    /** The characters of every timestamp (years 0 to 9999). */
    public static final int LENGTH = 27;

    private IsoTimestamp() {
    }

    public static String format(long epochNanos) {
        byte[] b = new byte[LENGTH];
        format(epochNanos, b);
        return new String(b, StandardCharsets.US_ASCII);
    }

    /** Writes the timestamp as ASCII into {@code c[0..LENGTH)}, allocating nothing. */
    public static void format(long epochNanos, byte[] c) {
        long micros = Math.floorDiv(epochNanos, 1000L);
        long secs = Math.floorDiv(micros, 1_000_000L);
        int frac = (int) Math.floorMod(micros, 1_000_000L);
        long days = Math.floorDiv(secs, 86_400L);
        int secOfDay = (int) Math.floorMod(secs, 86_400L);
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        if (m <= 2) {
            y++;
        }
        put(c, 0, (int) y, 4);
        c[4] = '-';
        put(c, 5, m, 2);
        c[7] = '-';
        put(c, 8, d, 2);
        c[10] = 'T';
        put(c, 11, secOfDay / 3600, 2);
        c[13] = ':';
        put(c, 14, secOfDay / 60 % 60, 2);
        c[16] = ':';
        put(c, 17, secOfDay % 60, 2);
        c[19] = '.';
        put(c, 20, frac, 6);
        c[26] = 'Z';
    }

    private static void put(byte[] c, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            c[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
