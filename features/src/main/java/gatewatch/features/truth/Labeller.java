package gatewatch.features.truth;

import gatewatch.features.conn.ConnectionSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Labels connections by a {@link Truth} and keeps count: connections per label, and the
 * connections no rule covers (their number and the first few, for a message). Single-threaded.
 */
public final class Labeller {
    /** How many uncovered connections are kept for the message. */
    public static final int EXAMPLES = 5;

    private final Truth truth;
    private final Map<String, Long> perLabel = new TreeMap<>();
    private final Map<String, TruthCategory> categories = new TreeMap<>();
    private final List<ConnectionSummary> examples = new ArrayList<>();
    private long unlabelled;

    public Labeller(Truth truth) {
        this.truth = truth;
    }

    /** The rule that labels {@code c}, or null (then counted as unlabelled). */
    public TruthRule label(ConnectionSummary c) {
        TruthRule r = truth.ruleFor(c);
        if (r == null) {
            unlabelled++;
            if (examples.size() < EXAMPLES) {
                examples.add(c);
            }
            return null;
        }
        perLabel.merge(r.label(), 1L, Long::sum);
        categories.put(r.label(), r.category());
        return r;
    }

    /** Connections per label, labels in alphabetical order. */
    public Map<String, Long> perLabel() {
        return new TreeMap<>(perLabel);
    }

    /** The category of every label seen. */
    public Map<String, TruthCategory> categories() {
        return new TreeMap<>(categories);
    }

    public long unlabelled() {
        return unlabelled;
    }

    /** The first {@link #EXAMPLES} uncovered connections. */
    public List<ConnectionSummary> unlabelledExamples() {
        return List.copyOf(examples);
    }

    /** One uncovered connection as a truth rule would have to name it: start proto orig resp orig_port resp_port. */
    public static String describe(ConnectionSummary c) {
        return TruthFile.formatTime(c.startNanos()) + " " + c.transport() + " " + c.origAddress() + " "
                + c.respAddress() + " " + c.origPort() + " " + c.respPort();
    }
}
