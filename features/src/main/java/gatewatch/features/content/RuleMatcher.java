package gatewatch.features.content;

import java.util.List;
import java.util.regex.Matcher;

/**
 * A rules table made ready to run: one reusable {@link Matcher} per rule, so that matching a line
 * allocates nothing. Not thread-safe: one per inspector (capture thread).
 */
final class RuleMatcher<A extends Enum<A>> {
    private static final java.util.regex.Pattern INLINE_MULTILINE = java.util.regex.Pattern.compile("\\(\\?[a-zA-Z]*m");

    private final List<Rule<A>> rules;
    private final Matcher[] matchers;
    private final int[] bits;
    private final byte[][][] keywords;
    private final boolean anyKeywords;
    private final KeywordAutomaton automaton;
    /** Rules whose every match starts at the line's start: tried there only ({@link #anchoredAtStart}). */
    private final boolean[] anchored;

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
        this.anchored = new boolean[rules.size()];
        for (int i = 0; i < matchers.length; i++) {
            Rule<A> r = rules.get(i);
            matchers[i] = r.pattern().matcher("");
            anchored[i] = anchoredAtStart(r.pattern());
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
            if ((mask & bits[i]) == 0 && passes(i, present) && found(i, line)) {
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
        int mask = 0;
        long present = table.present(line);
        for (int i = 0; i < table.matchers.length; i++) {
            if (table.passes(i, present) && table.found(i, line)) {
                f.add(table.rules.get(i).action());
                mask |= table.bits[i];
            }
        }
        return mask;
    }

    /** True when a rule of {@code action} matches {@code line}. */
    boolean matches(CharSequence line, A action) {
        long present = 0;
        boolean scanned = false;
        for (int i = 0; i < matchers.length; i++) {
            if (rules.get(i).action() != action) {
                continue;
            }
            if (!scanned) {
                present = present(line);
                scanned = true;
            }
            if (passes(i, present) && found(i, line)) {
                return true;
            }
        }
        return false;
    }

    /** Whether rule {@code i} matches somewhere in the line (only at its start, if anchored there). */
    private boolean found(int i, CharSequence line) {
        Matcher m = matchers[i].reset(line);
        return anchored[i] ? m.lookingAt() : m.find();
    }

    /**
     * True when every match of the pattern must start at index 0: it begins with {@code ^}, is
     * not in MULTILINE mode, and has no alternative outside parentheses (in {@code ^a|b} the
     * {@code b} may match anywhere). For such a pattern {@code lookingAt()} gives what
     * {@code find()} gives without trying every later start (HTTP header lines, dozens per
     * request, each tried at every position). Anything this does not parse ({@code \\Q}, nested
     * classes) counts as not anchored, which only costs the tries.
     */
    static boolean anchoredAtStart(java.util.regex.Pattern p) {
        String re = p.pattern();
        if (!re.startsWith("^") || (p.flags() & java.util.regex.Pattern.MULTILINE) != 0
                || INLINE_MULTILINE.matcher(re).find()) {
            return false;
        }
        int depth = 0;
        boolean inClass = false;
        for (int i = 1; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                if (i + 1 < re.length() && re.charAt(i + 1) == 'Q') {
                    return false;
                }
                i++;
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                } else if (c == '[') {
                    return false;
                }
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < re.length() && re.charAt(i + 1) == '^') {
                    i++;
                }
                if (i + 1 < re.length() && re.charAt(i + 1) == ']') {
                    i++; // a ']' first in a class is a literal
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return false;
            }
        }
        return true;
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
