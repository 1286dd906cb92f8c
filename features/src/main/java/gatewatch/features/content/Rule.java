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
record Rule<A extends Enum<A>>(A action, Pattern pattern, String source) {
    /** A case-insensitive rule. */
    static <A extends Enum<A>> Rule<A> of(A action, String regex, String source) {
        return new Rule<>(action, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), source);
    }

    /** A case-sensitive rule (server messages whose capitalisation is part of the signal). */
    static <A extends Enum<A>> Rule<A> exact(A action, String regex, String source) {
        return new Rule<>(action, Pattern.compile(regex), source);
    }
}
