package gatewatch.synth;

import gatewatch.synth.scenario.ScenarioKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How a capture's connection records divide among the scenarios, in whole percent adding up to
 * 100: {@code normal=85,neptune=5,portsweep=3,ipsweep=2,smurf=3,guess_passwd=1,guess_passwd_ftp=1}
 * (the default). A scenario left out gets none.
 */
public record Mix(Map<ScenarioKind, Integer> percent) {
    public static final Mix DEFAULT = parse("normal=85,neptune=5,portsweep=3,ipsweep=2,smurf=3,guess_passwd=1,guess_passwd_ftp=1");

    public Mix {
        EnumMap<ScenarioKind, Integer> copy = new EnumMap<>(ScenarioKind.class);
        int sum = 0;
        for (Map.Entry<ScenarioKind, Integer> e : percent.entrySet()) {
            int p = e.getValue();
            if (p < 0 || p > 100) {
                throw new IllegalArgumentException(e.getKey().mixName() + "=" + p + ": a share is a percent, 0 to 100");
            }
            if (p > 0) {
                copy.put(e.getKey(), p);
            }
            sum += p;
        }
        if (sum != 100) {
            throw new IllegalArgumentException("the shares add up to " + sum + ", not 100");
        }
        percent = Collections.unmodifiableMap(copy);
    }

    /** Parses {@code name=percent,...}; names are those of {@link ScenarioKind#mixName()}. */
    public static Mix parse(String spec) {
        EnumMap<ScenarioKind, Integer> shares = new EnumMap<>(ScenarioKind.class);
        for (String part : spec.split(",")) {
            String item = part.strip();
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + item + "' is not name=percent");
            }
            String name = item.substring(0, eq).strip();
            ScenarioKind kind = ScenarioKind.byMixName(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown scenario '" + name + "' (known: " + names() + ")"));
            if (shares.containsKey(kind)) {
                throw new IllegalArgumentException("'" + name + "' is given twice");
            }
            try {
                shares.put(kind, Integer.parseInt(item.substring(eq + 1).strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + item + "': the share must be a whole percent");
            }
        }
        return new Mix(shares);
    }

    /**
     * Splits {@code total} records by the shares, rounding by largest remainder so that the
     * parts add up to {@code total} exactly.
     */
    public Map<ScenarioKind, Integer> split(int total) {
        EnumMap<ScenarioKind, Integer> parts = new EnumMap<>(ScenarioKind.class);
        EnumMap<ScenarioKind, Long> remainders = new EnumMap<>(ScenarioKind.class);
        int given = 0;
        for (Map.Entry<ScenarioKind, Integer> e : percent.entrySet()) {
            long exact = (long) total * e.getValue();
            parts.put(e.getKey(), (int) (exact / 100));
            remainders.put(e.getKey(), exact % 100);
            given += (int) (exact / 100);
        }
        var order = remainders.entrySet().stream()
                .sorted(Map.Entry.<ScenarioKind, Long>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        for (int i = 0; given < total; i++, given++) {
            parts.merge(order.get(i % order.size()), 1, Integer::sum);
        }
        return parts;
    }

    public static String names() {
        StringJoiner j = new StringJoiner(", ");
        for (ScenarioKind k : ScenarioKind.values()) {
            j.add(k.mixName());
        }
        return j.toString();
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(",");
        percent.forEach((k, p) -> j.add(k.mixName() + "=" + p));
        return j.toString();
    }
}
