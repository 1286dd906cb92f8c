package gatewatch.features.content;

import java.util.regex.Pattern;

/**
 * One row of a rules table: when {@code pattern} is found in a line, {@code action} applies.
 *
 * @param action  what the match means (an {@link Effect}, or a dialogue event of one service)
 * @param pattern searched anywhere in the line unless anchored
 * @param source  where the rule comes from (KDD task description, Bro/Zeek, an RFC, the DARPA
 *     attack descriptions, the training data)
 */
record Rule<A extends Enum<A>>(A action, Pattern pattern, String source, byte[][] keywords) {
    /** A case-insensitive rule. */
    static <A extends Enum<A>> Rule<A> of(A action, String regex, String source) {
        return new Rule<>(action, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), source, null);
    }

    /** A case-sensitive rule (server messages whose capitalisation is part of the signal). */
    static <A extends Enum<A>> Rule<A> exact(A action, String regex, String source) {
        return new Rule<>(action, Pattern.compile(regex), source, null);
    }

    /**
     * The same rule with a prefilter: the regular expression runs only on lines that contain one
     * of {@code lowerCaseLiterals} (compared without case). Every match of the pattern must
     * contain one of them; a test checks each table's rules against its own examples. Lines of
     * shell output come by the thousand, and a scan for a few literals costs a fraction of a
     * case-insensitive regular-expression search.
     */
    Rule<A> requiring(String... lowerCaseLiterals) {
        byte[][] k = new byte[lowerCaseLiterals.length][];
        for (int i = 0; i < k.length; i++) {
            String lit = lowerCaseLiterals[i];
            if (lit.isEmpty() || !lit.equals(lit.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("keywords must be non-empty lower case: '" + lit + "'");
            }
            k[i] = lit.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return new Rule<>(action, pattern, source, k);
    }
}
