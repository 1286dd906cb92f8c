package gatewatch.features.content;

import java.util.List;
import java.util.regex.Matcher;

/**
 * A rules table made ready to run: one reusable {@link Matcher} per rule, so that matching a line
 * allocates nothing. Not thread-safe: one per inspector (capture thread).
 */
final class RuleMatcher<A extends Enum<A>> {
    private final List<Rule<A>> rules;
    private final Matcher[] matchers;
    private final int[] bits;
    private final byte[][][] keywords;
    private final boolean anyKeywords;
    private final KeywordAutomaton automaton;

    RuleMatcher(List<Rule<A>> rules) {
        this.rules = List.copyOf(rules);
        this.matchers = new Matcher[rules.size()];
        this.bits = new int[rules.size()];
        this.keywords = new byte[rules.size()][][];
        boolean any = false;
        for (int i = 0; i < keywords.length; i++) {
            keywords[i] = rules.get(i).keywords();
            any |= keywords[i] != null;
        }
        this.anyKeywords = any;
        this.automaton = any ? new KeywordAutomaton(keywords) : null;
        for (int i = 0; i < matchers.length; i++) {
            Rule<A> r = rules.get(i);
            matchers[i] = r.pattern().matcher("");
            if (r.action().ordinal() >= Integer.SIZE) {
                throw new IllegalArgumentException("too many actions for a bit mask: " + r.action());
            }
            bits[i] = 1 << r.action().ordinal();
        }
    }

    /**
     * The actions whose rules match {@code line}, as a bit mask over their ordinals: each action
     * counts once per line however many of its rules match.
     */
    int match(CharSequence line) {
        int mask = 0;
        long present = present(line);
        for (int i = 0; i < matchers.length; i++) {
            if ((mask & bits[i]) == 0 && passes(i, present) && matchers[i].reset(line).find()) {
                mask |= bits[i];
            }
        }
        return mask;
    }

    /**
     * Adds the effect of every rule that matches {@code line}: two rules of the same effect that
     * both match count twice (they are two indicators), one rule counts once per line.
     *
     * @return the effects that applied, as a bit mask over their ordinals
     */
    static int apply(RuleMatcher<Effect> table, CharSequence line, ContentFeatures f) {
        Matcher[] m = table.matchers;
        int mask = 0;
        long present = table.present(line);
        for (int i = 0; i < m.length; i++) {
            if (table.passes(i, present) && m[i].reset(line).find()) {
                f.add(table.rules.get(i).action());
                mask |= table.bits[i];
            }
        }
        return mask;
    }

    /** True when a rule of {@code action} matches {@code line}. */
    boolean matches(CharSequence line, A action) {
        for (int i = 0; i < matchers.length; i++) {
            if (rules.get(i).action() == action && passes(i, present(line)) && matchers[i].reset(line).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rules whose literals occur in the line (one pass for the whole table), or every rule
     * when the table has no prefilter or the line is not an {@link AsciiLine}.
     */
    private long present(CharSequence line) {
        return anyKeywords && line instanceof AsciiLine a ? automaton.scan(a) : -1L;
    }

    /** A rule without a prefilter always runs; one with a prefilter runs when a literal is present. */
    private boolean passes(int i, long present) {
        return keywords[i] == null || (present & (1L << i)) != 0;
    }

    static boolean has(int mask, Enum<?> action) {
        return (mask & (1 << action.ordinal())) != 0;
    }

    List<Rule<A>> rules() {
        return rules;
    }
}
