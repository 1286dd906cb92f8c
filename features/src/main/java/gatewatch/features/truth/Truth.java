package gatewatch.features.truth;

import gatewatch.features.conn.ConnectionSummary;
import java.util.List;

/** The rules of one or more truth files, in order: the first rule that matches a connection labels it. */
public record Truth(List<TruthRule> rules) {
    public Truth {
        rules = List.copyOf(rules);
    }

    /** The first rule matching {@code c}, or null when no rule covers it. */
    public TruthRule ruleFor(ConnectionSummary c) {
        for (TruthRule r : rules) {
            if (r.matches(c)) {
                return r;
            }
        }
        return null;
    }
}
