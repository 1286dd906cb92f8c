package gatewatch.synth.truth;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader of truth files (format v1, docs/TRUTH.md) written from the documentation alone, as
 * another tool would read them, so that tests check the synthesizer's truth and the demo's counts
 * against something that does not share their code: every field form the format allows (an
 * address, a CIDR or *, a port, a range or *, decimal seconds), first matching rule wins, each
 * rule in its own direction.
 */
public final class TruthRules {
    public static final String FIRST_LINE = "# gatewatch truth v1";

    /** One rule; {@code line} is its line number in the file. */
    public record Rule(int line, BigDecimal start, BigDecimal end, String proto, long origNet, int origBits,
                       long respNet, int respBits, int origLow, int origHigh, int respLow, int respHigh,
                       String category, String label) {
        boolean matches(BigDecimal t, String p, long orig, int origPort, long resp, int respPort) {
            return t.compareTo(start) >= 0 && t.compareTo(end) <= 0 && (proto.equals("*") || proto.equals(p))
                    && inNet(orig, origNet, origBits) && inNet(resp, respNet, respBits)
                    && origPort >= origLow && origPort <= origHigh && respPort >= respLow && respPort <= respHigh;
        }

        private static boolean inNet(long address, long net, int bits) {
            return bits == 0 || (address >>> (32 - bits)) == (net >>> (32 - bits));
        }
    }

    private final List<Rule> rules;
    /** Rules whose originator is one address, by that address: the lookup stays fast on one rule per connection. */
    private final Map<Long, List<Rule>> byOrig = new HashMap<>();
    private final List<Rule> others = new ArrayList<>();

    private TruthRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        for (Rule r : rules) {
            if (r.origBits() == 32) {
                byOrig.computeIfAbsent(r.origNet(), k -> new ArrayList<>()).add(r);
            } else {
                others.add(r);
            }
        }
    }

    public static TruthRules read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.getFirst().equals(FIRST_LINE)) {
            throw new IllegalArgumentException(file + ": does not start with '" + FIRST_LINE + "'");
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (f.length != 9) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": 9 fields expected: " + line);
            }
            long[] orig = net(f[3]);
            long[] resp = net(f[4]);
            int[] op = ports(f[5]);
            int[] rp = ports(f[6]);
            if (!List.of("tcp", "udp", "icmp", "*").contains(f[2])
                    || !List.of("normal", "dos", "probe", "r2l", "u2r").contains(f[7]) || f[8].endsWith(".")) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": bad protocol, category or label: " + line);
            }
            rules.add(new Rule(i + 1, new BigDecimal(f[0]), new BigDecimal(f[1]), f[2], orig[0], (int) orig[1],
                    resp[0], (int) resp[1], op[0], op[1], rp[0], rp[1], f[7], f[8]));
        }
        return new TruthRules(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The first rule that matches, or null. */
    public Rule match(BigDecimal startSeconds, String proto, String orig, int origPort, String resp, int respPort) {
        long o = address(orig);
        long r = address(resp);
        Rule best = null;
        for (List<Rule> candidates : List.of(byOrig.getOrDefault(o, List.of()), others)) {
            for (Rule rule : candidates) {
                if ((best == null || rule.line() < best.line()) && rule.matches(startSeconds, proto, o, origPort, r, respPort)) {
                    best = rule;
                    break;
                }
            }
        }
        return best;
    }

    private static long[] net(String text) {
        if (text.equals("*")) {
            return new long[] {0, 0};
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new long[] {address(text), 32};
        }
        return new long[] {address(text.substring(0, slash)), Integer.parseInt(text.substring(slash + 1))};
    }

    private static int[] ports(String text) {
        if (text.equals("*")) {
            return new int[] {0, 65_535};
        }
        int dash = text.indexOf('-');
        if (dash < 0) {
            int p = Integer.parseInt(text);
            return new int[] {p, p};
        }
        return new int[] {Integer.parseInt(text.substring(0, dash)), Integer.parseInt(text.substring(dash + 1))};
    }

    static long address(String dotted) {
        String[] q = dotted.split("\\.");
        if (q.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        long a = 0;
        for (String part : q) {
            int b = Integer.parseInt(part);
            if (b < 0 || b > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            a = a << 8 | b;
        }
        return a;
    }
}
