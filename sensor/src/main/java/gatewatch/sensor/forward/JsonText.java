package gatewatch.sensor.forward;

/**
 * Rewrites of an alert's JSON text that leave the JSON value unchanged. Outside strings JSON
 * allows only ASCII, and inside strings raw control characters are not allowed, so a CR, LF or
 * TAB can only be white space between tokens, and any non-ASCII character only sits in a string,
 * where {@code \\uXXXX} means the same.
 */
public final class JsonText {
    private JsonText() {
    }

    /** The same JSON on one line: CR and LF (white space) become spaces. */
    public static String oneLine(String json) {
        if (json.indexOf('\n') < 0 && json.indexOf('\r') < 0) {
            return json;
        }
        return json.replace('\r', ' ').replace('\n', ' ');
    }

    /** The same JSON on one line in printable ASCII: other characters as {@code \\uXXXX}. */
    public static String asciiOneLine(String json) {
        int i = 0;
        while (i < json.length() && isPlainAscii(json.charAt(i))) {
            i++;
        }
        if (i == json.length()) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length() + 16).append(json, 0, i);
        for (; i < json.length(); i++) {
            char c = json.charAt(i);
            if (isPlainAscii(c)) {
                out.append(c);
            } else if (c == '\r' || c == '\n' || c == '\t') {
                out.append(' ');
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean isPlainAscii(char c) {
        return c >= 0x20 && c < 0x7f;
    }
}
