package gatewatch.features.truth;

import gatewatch.features.conn.ConnectionSummary;
import java.util.regex.Pattern;

/**
 * One line of a truth file: connections whose start time lies in {@code [startNanos, endNanos]}
 * (inclusive, epoch nanoseconds) and that match {@code flow} are {@code category}/{@code label}.
 */
public record TruthRule(long startNanos, long endNanos, FlowPattern flow, TruthCategory category, String label) {
    /** Any start time ({@code *} in the file). */
    public static final long OPEN_START = Long.MIN_VALUE;
    public static final long OPEN_END = Long.MAX_VALUE;

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    public TruthRule {
        if (startNanos > endNanos) {
            throw new IllegalArgumentException("start " + TruthFile.formatTime(startNanos) + " is after end "
                    + TruthFile.formatTime(endNanos));
        }
        if (!LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException(label.endsWith(".")
                    ? "label '" + label + "' must be written without the trailing dot (the record writer adds it)"
                    : "label '" + label + "' must be letters, digits, '_' or '-'");
        }
        if ((category == TruthCategory.NORMAL) != label.equals("normal")) {
            throw new IllegalArgumentException("label 'normal' goes with category normal and no other, got "
                    + category.externalName() + " " + label);
        }
    }

    public boolean matches(ConnectionSummary c) {
        return c.startNanos() >= startNanos && c.startNanos() <= endNanos && flow.matches(c);
    }

    /** The rule as one truth-file line. */
    public String toLine() {
        StringBuilder sb = new StringBuilder();
        sb.append(TruthFile.formatTime(startNanos)).append(' ').append(TruthFile.formatTime(endNanos)).append(' ')
                .append(flow.proto()).append(' ').append(flow.orig()).append(' ').append(flow.resp()).append(' ')
                .append(flow.origPort()).append(' ').append(flow.respPort()).append(' ')
                .append(category.externalName()).append(' ').append(label);
        if (flow.anyDirection()) {
            sb.append(" dir=any");
        }
        return sb.toString();
    }
}
