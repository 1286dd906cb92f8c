package gatewatch.features.content;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds, in one pass over a line, which rules' literal prefilters occur in it (Aho–Corasick over
 * ASCII-lower-cased bytes). A rules table runs its regular expressions only for those rules. One
 * pass costs one table lookup per byte however many literals the table has, where looking for
 * each literal in turn cost a scan of the line per literal.
 *
 * <p>Immutable after construction; {@link #scan} keeps no state.
 */
final class KeywordAutomaton {
    private static final int ALPHABET = 256;
    /**
     * goto[state * 256 + byte]: the next state (the full automaton, failure links folded in), with
     * upper-case letters sharing their lower-case transitions, and stored as {@code ~state} when
     * that state ends a literal: the scan needs no case branch and reads {@link #output} only on a
     * hit: one dependent load per byte, no case branch (shell output mixes cases at random) and no
     * second load. The scan of shell output was 15 % of the capture thread on the telnet-heavy
     * synthesized capture (async-profiler); capture + features there went from 1.54–1.69 M to
     * 1.54–1.81 M frames/s over six alternating runs (means 1.59 → 1.67 M): small, kept.
     */
    private final int[] next;
    /** Rules (bits) whose literal ends at each state, including the literals that are suffixes of it. */
    private final long[] output;

    /**
     * @param keywords per rule: its lower-case literals, or null for a rule without a prefilter
     *     (at most 64 rules)
     */
    KeywordAutomaton(byte[][][] keywords) {
        if (keywords.length > Long.SIZE) {
            throw new IllegalArgumentException("at most 64 rules per table, got " + keywords.length);
        }
        List<int[]> trie = new ArrayList<>();
        List<Long> out = new ArrayList<>();
        trie.add(newState());
        out.add(0L);
        for (int rule = 0; rule < keywords.length; rule++) {
            if (keywords[rule] == null) {
                continue;
            }
            for (byte[] word : keywords[rule]) {
                int s = 0;
                for (byte b : word) {
                    int c = b & 0xff;
                    if (trie.get(s)[c] < 0) {
                        trie.add(newState());
                        out.add(0L);
                        trie.get(s)[c] = trie.size() - 1;
                    }
                    s = trie.get(s)[c];
                }
                out.set(s, out.get(s) | 1L << rule);
            }
        }
        int states = trie.size();
        next = new int[states * ALPHABET];
        output = new long[states];
        int[] fail = new int[states];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ALPHABET; c++) {
            int t = trie.get(0)[c];
            next[c] = Math.max(t, 0);
            if (t > 0) {
                fail[t] = 0;
                queue.add(t);
            }
        }
        output[0] = out.get(0);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            output[s] = out.get(s) | output[fail[s]];
            for (int c = 0; c < ALPHABET; c++) {
                int t = trie.get(s)[c];
                if (t >= 0) {
                    fail[t] = next[fail[s] * ALPHABET + c];
                    next[s * ALPHABET + c] = t;
                    queue.add(t);
                } else {
                    next[s * ALPHABET + c] = next[fail[s] * ALPHABET + c];
                }
            }
        }
        finish();
    }

    /** Folds case and marks the transitions into states that end a literal (see {@link #next}). */
    private void finish() {
        int states = output.length;
        for (int s = 0; s < states; s++) {
            for (int c = 'A'; c <= 'Z'; c++) {
                next[s * ALPHABET + c] = next[s * ALPHABET + c + 32];
            }
        }
        for (int i = 0; i < next.length; i++) {
            if (output[next[i]] != 0) {
                next[i] = ~next[i];
            }
        }
    }

    private static int[] newState() {
        int[] s = new int[ALPHABET];
        java.util.Arrays.fill(s, -1);
        return s;
    }

    /** The rules (bits) one of whose literals occurs in the line, letters compared without case. */
    long scan(AsciiLine line) {
        int[] next = this.next;
        int s = 0;
        long found = 0;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            s = next[s * ALPHABET + (line.byteAt(i) & 0xff)];
            if (s < 0) {
                s = ~s;
                found |= output[s];
            }
        }
        return found;
    }
}
