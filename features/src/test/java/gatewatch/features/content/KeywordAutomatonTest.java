package gatewatch.features.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The automaton finds exactly the rules a literal search per keyword finds, without case. */
class KeywordAutomatonTest {
    private static final String[][] KEYWORDS = {
        {"not found"}, null, {"jumping"}, {"segmentation fault", "core dumped", "illegal instruction"},
        {"uid=0("}, {"root", "trojaning", "smashdu", "path_utmp"}, {"oo"}, {"o"},
    };

    private static byte[][][] bytes() {
        byte[][][] k = new byte[KEYWORDS.length][][];
        for (int i = 0; i < k.length; i++) {
            if (KEYWORDS[i] != null) {
                k[i] = new byte[KEYWORDS[i].length][];
                for (int j = 0; j < KEYWORDS[i].length; j++) {
                    k[i][j] = KEYWORDS[i][j].getBytes(StandardCharsets.ISO_8859_1);
                }
            }
        }
        return k;
    }

    private static long naive(String line) {
        return rulesWithALiteralIn(line.toLowerCase(Locale.ROOT));
    }

    private static long rulesWithALiteralIn(String low) {
        long m = 0;
        for (int i = 0; i < KEYWORDS.length; i++) {
            if (KEYWORDS[i] == null) {
                continue;
            }
            for (String w : KEYWORDS[i]) {
                if (low.contains(w)) {
                    m |= 1L << i;
                }
            }
        }
        return m;
    }

    private static AsciiLine line(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        AsciiLine l = new AsciiLine(Math.max(1, b.length));
        l.set(b, 0, b.length);
        return l;
    }

    @Test
    void findsWhatASearchPerLiteralFinds() {
        KeywordAutomaton a = new KeywordAutomaton(bytes());
        assertThat(a.scan(line("sh: foo: NOT FOUND"))).isEqualTo(naive("sh: foo: NOT FOUND")).isEqualTo(1L | 1L << 6 | 1L << 7);
        assertThat(a.scan(line("uid=0(root) gid=0"))).isEqualTo(1L << 4 | 1L << 5 | 1L << 6 | 1L << 7);
        assertThat(a.scan(line("xyz qq"))).isEqualTo(0L);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ ()=_0:";
        SplittableRandom r = new SplittableRandom(11);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(0, 80);
            for (int i = 0; i < len; i++) {
                if (r.nextInt(20) == 0) {
                    String[] pick = KEYWORDS[r.nextInt(KEYWORDS.length)];
                    if (pick != null) {
                        sb.append(pick[r.nextInt(pick.length)].toUpperCase(Locale.ROOT));
                        continue;
                    }
                }
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            assertThat(a.scan(line(s))).as(s).isEqualTo(naive(s));
        }
    }

    /** Any byte value, not just text: bytes in no literal, and bytes above 0x7f, fold nothing. */
    @Test
    void agreesWithASearchPerLiteralOnArbitraryBytes() {
        KeywordAutomaton a = new KeywordAutomaton(bytes());
        SplittableRandom r = new SplittableRandom(12);
        for (int n = 0; n < 20_000; n++) {
            byte[] b = new byte[r.nextInt(0, 120)];
            for (int i = 0; i < b.length; i++) {
                if (r.nextInt(25) == 0) {
                    String[] pick = KEYWORDS[r.nextInt(KEYWORDS.length)];
                    if (pick != null) {
                        byte[] w = pick[r.nextInt(pick.length)].getBytes(StandardCharsets.ISO_8859_1);
                        int k = Math.min(w.length, b.length - i);
                        for (int j = 0; j < k; j++) {
                            b[i + j] = r.nextBoolean() ? w[j] : (byte) asciiUpper(w[j]);
                        }
                        i += k - 1;
                        continue;
                    }
                }
                b[i] = (byte) r.nextInt(256);
            }
            AsciiLine l = new AsciiLine(Math.max(1, b.length));
            l.set(b, 0, b.length);
            assertThat(a.scan(l)).isEqualTo(naiveAscii(b));
        }
    }

    private static int asciiUpper(byte b) {
        return b >= 'a' && b <= 'z' ? b - 32 : b;
    }

    /** Only ASCII letters compare without case (as the rules' literals are ASCII). */
    private static long naiveAscii(byte[] b) {
        StringBuilder low = new StringBuilder(b.length);
        for (byte x : b) {
            int c = x & 0xff;
            low.append((char) (c >= 'A' && c <= 'Z' ? c + 32 : c));
        }
        return rulesWithALiteralIn(low.toString());
    }
}
