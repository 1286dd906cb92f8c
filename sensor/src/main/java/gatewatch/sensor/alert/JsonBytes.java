package gatewatch.sensor.alert;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal JSON writer into a reusable byte array, for the one document written per alert. A
 * SYN flood makes every connection an alert, so this path writes a hundred thousand documents a
 * second; a general-purpose generator spent most of its time on per-field bookkeeping there.
 * Structure (commas, nesting) is the caller's: fields are written in a fixed order.
 *
 * <p>{@link #name} and {@link #ascii} take only names and values known to need no escaping (field
 * names, KDD symbols, addresses, history letters); anything from outside goes through
 * {@link #string}, which escapes. One instance per thread.
 */
final class JsonBytes {
    private byte[] buf = new byte[4096];
    private int len;
    private boolean first = true;

    void reset() {
        len = 0;
        first = true;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    void startObject() {
        comma();
        put((byte) '{');
        first = true;
    }

    void endObject() {
        put((byte) '}');
        first = false;
    }

    void startArray() {
        comma();
        put((byte) '[');
        first = true;
    }

    void endArray() {
        put((byte) ']');
        first = false;
    }

    /** A field name (plain ASCII, no escaping needed); the value follows. */
    JsonBytes name(String n) {
        comma();
        put((byte) '"');
        putAscii(n);
        put((byte) '"');
        put((byte) ':');
        first = true;
        return this;
    }

    /** A field name from data (a model's label), escaped as a string value is. */
    JsonBytes escapedName(String n) {
        string(n); // writes the comma
        put((byte) ':');
        first = true;
        return this;
    }

    /** A string value known to need no escaping. */
    void ascii(String v) {
        comma();
        put((byte) '"');
        putAscii(v);
        put((byte) '"');
    }

    /** Any string value, escaped as RFC 8259 requires. */
    void string(String v) {
        comma();
        put((byte) '"');
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        for (byte c : b) {
            switch (c) {
                case '"' -> putAscii("\\\"");
                case '\\' -> putAscii("\\\\");
                case '\n' -> putAscii("\\n");
                case '\r' -> putAscii("\\r");
                case '\t' -> putAscii("\\t");
                default -> {
                    if (c >= 0 && c < 0x20) {
                        putAscii(String.format("\\u%04x", (int) c));
                    } else {
                        put(c);
                    }
                }
            }
        }
        put((byte) '"');
    }

    void bool(boolean v) {
        comma();
        putAscii(v ? "true" : "false");
    }

    void number(long v) {
        comma();
        if (v < 0) {
            put((byte) '-');
            v = -v;
        }
        putDigits(v, 1);
    }

    /** A non-negative {@code units} / 10^{@code decimals}, written with exactly that many decimals. */
    void fixed(long units, int decimals) {
        comma();
        if (units < 0) {
            put((byte) '-');
            units = -units;
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        putDigits(units / scale, 1);
        if (decimals > 0) {
            put((byte) '.');
            putDigits(units % scale, decimals);
        }
    }

    private void comma() {
        if (!first) {
            put((byte) ',');
        }
        first = false;
    }

    private void putDigits(long v, int minDigits) {
        ensure(20);
        int start = len;
        do {
            buf[len++] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        } while (v != 0 || len - start < minDigits);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    private void putAscii(String s) {
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, buf, len);
        len += n;
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
