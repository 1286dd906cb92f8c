package gatewatch.features.truth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes truth files (docs/TRUTH.md): {@code # gatewatch truth v1}, then one rule a line,
 * {@code start end proto orig resp orig_port resp_port category label [key=value...]},
 * whitespace-separated, {@code #} comments and blank lines ignored.
 */
public final class TruthFile {
    public static final String MAGIC = "# gatewatch truth v1";
    public static final String COLUMNS = "# start end proto orig resp orig_port resp_port category label";
    private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);

    private TruthFile() {
    }

    public static Truth read(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        }
    }

    /**
     * Reads rules from {@code in}; {@code source} names it in messages.
     *
     * @throws TruthFormatException naming {@code source}, the line number and the reason
     */
    public static Truth read(Reader in, String source) throws IOException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<TruthRule> rules = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            String t = line.strip();
            if (n == 1 && t.startsWith("# gatewatch truth") && !t.equals(MAGIC)) {
                throw new TruthFormatException(source + ":1: unsupported version '" + t + "', this gatewatch reads '" + MAGIC + "'");
            }
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            try {
                rules.add(parseRule(t));
            } catch (IllegalArgumentException e) {
                throw new TruthFormatException(source + ":" + n + ": " + e.getMessage());
            }
        }
        return new Truth(rules);
    }

    /** Parses one rule line (no comment). */
    public static TruthRule parseRule(String line) {
        String[] f = line.strip().split("\\s+");
        if (f.length < 9) {
            throw new IllegalArgumentException("expected 9 fields (start end proto orig resp orig_port resp_port category"
                    + " label), got " + f.length);
        }
        long start = parseTime(f[0], TruthRule.OPEN_START);
        long end = parseTime(f[1], TruthRule.OPEN_END);
        TruthCategory category = TruthCategory.ofExternalName(f[7]);
        if (category == null) {
            throw new IllegalArgumentException("category must be normal, dos, probe, r2l or u2r, got '" + f[7] + "'");
        }
        boolean anyDirection = false;
        for (int i = 9; i < f.length; i++) {
            switch (f[i]) {
                case "dir=any" -> anyDirection = true;
                case "dir=given" -> anyDirection = false;
                default -> throw new IllegalArgumentException("unknown option '" + f[i] + "' (known: dir=any, dir=given)");
            }
        }
        FlowPattern flow = new FlowPattern(Proto.parse(f[2]), AddressBlock.parse(f[3]), AddressBlock.parse(f[4]),
                PortRange.parse(f[5]), PortRange.parse(f[6]), anyDirection);
        return new TruthRule(start, end, flow, category, f[8]);
    }

    private static long parseTime(String s, long open) {
        if (s.equals("*")) {
            return open;
        }
        try {
            BigDecimal seconds = new BigDecimal(s);
            if (seconds.signum() < 0) {
                throw new NumberFormatException();
            }
            return seconds.multiply(NANOS).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("time must be epoch seconds (decimals allowed) or *, got '" + s + "'");
        }
    }

    /** Epoch seconds with six decimals (nine when the value is not a whole microsecond); {@code *} when open. */
    public static String formatTime(long nanos) {
        if (nanos == TruthRule.OPEN_START || nanos == TruthRule.OPEN_END) {
            return "*";
        }
        long secs = Math.floorDiv(nanos, 1_000_000_000L);
        long frac = Math.floorMod(nanos, 1_000_000_000L);
        return frac % 1000 == 0 ? String.format(java.util.Locale.ROOT, "%d.%06d", secs, frac / 1000) : String.format(java.util.Locale.ROOT, "%d.%09d", secs, frac);
    }

    /** Writes the header and the rules; {@code comments} become {@code #} lines after the header. */
    public static void write(Writer out, List<TruthRule> rules, List<String> comments) throws IOException {
        out.write(MAGIC + "\n");
        for (String c : comments) {
            out.write("# " + c + "\n");
        }
        out.write(COLUMNS + "\n");
        for (TruthRule r : rules) {
            out.write(r.toLine());
            out.write('\n');
        }
    }
}
