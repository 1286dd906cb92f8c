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
     * Byte → its class: bytes that occur in no literal share class 0, and an
     * upper-case letter has the class of its lower-case one. The table below has one column per
     * class instead of one per byte, so it is a few KiB and stays in L1: each byte's step is a
     * load that depends on the previous one, and a 256-column table of tens of KiB would make
     * it an L2 access per byte of every inspected line.
     */
    private final byte[] classOf = new byte[ALPHABET];
    /**
     * next[row + class]: the next state's row (state × stride, so the scan adds instead of
     * multiplying), failure links folded in, stored as {@code ~row} when that state ends a
     * literal, so the scan reads {@link #output} only on a hit.
     */
    private final int[] next;
    /** Rules (bits) whose literal ends at each state (by row / stride), suffix literals included. */
    private final long[] output;
    private final int strideShift;
    /** Bytes in the longest literal. */
    private final int longest;
    /**
     * Lines at least this long are scanned as two halves at once: the step of one byte depends on
     * the step before it (a load from the table), so one pass runs at the latency of that load;
     * two independent passes interleaved overlap their loads.
     */
    static final int SPLIT_AT = 48;

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
        int[] next = new int[states * ALPHABET];
        long[] output = new long[states];
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
        this.output = output;
        int longest = 0;
        for (byte[][] words : keywords) {
            if (words != null) {
                for (byte[] word : words) {
                    longest = Math.max(longest, word.length);
                }
            }
        }
        this.longest = longest;
        int classes = classify(keywords);
        this.strideShift = Integer.numberOfTrailingZeros(Integer.highestOneBit(classes * 2 - 1));
        this.next = compress(next, output, states, classes);
    }

    /** Fills {@link #classOf}: one class per distinct lower-cased literal byte, 0 for the rest. */
    private int classify(byte[][][] keywords) {
        int classes = 1;
        for (byte[][] words : keywords) {
            if (words == null) {
                continue;
            }
            for (byte[] word : words) {
                for (byte b : word) {
                    int c = b & 0xff;
                    if (classOf[c] == 0) {
                        classOf[c] = (byte) classes++;
                    }
                }
            }
        }
        if (classes > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("too many distinct bytes in the literals: " + (classes - 1));
        }
        for (int c = 'A'; c <= 'Z'; c++) {
            classOf[c] = classOf[c + 32];
        }
        return classes;
    }

    /**
     * The byte-indexed table folded to one column per class. Every byte of a class moves every
     * state to the same next state (bytes of class 0 occur in no literal, so each follows the
     * failure links back to the root), which is why one column stands for all of them.
     */
    private int[] compress(int[] full, long[] output, int states, int classes) {
        int stride = 1 << strideShift;
        int[] table = new int[states * stride];
        int[] representative = new int[classes];
        for (int c = ALPHABET - 1; c >= 0; c--) {
            // Lower case represents its letter: the trie was built from lower-cased literals.
            representative[classOf[c]] = c >= 'A' && c <= 'Z' ? c + 32 : c;
        }
        for (int s = 0; s < states; s++) {
            for (int k = 0; k < classes; k++) {
                int t = full[s * ALPHABET + representative[k]];
                int row = t << strideShift;
                table[s * stride + k] = output[t] != 0 ? ~row : row;
            }
        }
        return table;
    }

    private static int[] newState() {
        int[] s = new int[ALPHABET];
        java.util.Arrays.fill(s, -1);
        return s;
    }

    /** The rules (bits) one of whose literals occurs in the line, letters compared without case. */
    long scan(AsciiLine line) {
        int n = line.length();
        if (n < SPLIT_AT || longest == 0) {
            return scan(line, 0, n);
        }
        // The first half reads on until every literal that starts in it has ended; the second
        // starts at the root, so it finds every literal that starts in it. Together: all.
        int mid = n >>> 1;
        int endA = Math.min(n, mid + longest - 1);
        int[] next = this.next;
        byte[] classOf = this.classOf;
        int rowA = 0;
        int rowB = 0;
        long found = 0;
        int both = Math.min(endA, n - mid);
        for (int i = 0; i < both; i++) {
            rowA = next[rowA + classOf[line.byteAt(i) & 0xff]];
            rowB = next[rowB + classOf[line.byteAt(mid + i) & 0xff]];
            if ((rowA | rowB) < 0) {
                if (rowA < 0) {
                    rowA = ~rowA;
                    found |= output[rowA >>> strideShift];
                }
                if (rowB < 0) {
                    rowB = ~rowB;
                    found |= output[rowB >>> strideShift];
                }
            }
        }
        // Whichever half is longer finishes alone.
        found |= endA > both ? resume(line, rowA, both, endA) : resume(line, rowB, mid + both, n);
        return found;
    }

    private long scan(AsciiLine line, int from, int to) {
        return resume(line, 0, from, to);
    }

    private long resume(AsciiLine line, int row, int from, int to) {
        int[] next = this.next;
        byte[] classOf = this.classOf;
        long found = 0;
        for (int i = from; i < to; i++) {
            row = next[row + classOf[line.byteAt(i) & 0xff]];
            if (row < 0) {
                row = ~row;
                found |= output[row >>> strideShift];
            }
        }
        return found;
    }
}
