package gatewatch.detector.io;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.model.Ensemble;
import gatewatch.detector.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damages a small model file at every byte twice (all bits of the byte, then one bit of it), and
 * the bundled one at every byte once (the one or the other), and requires each damaged copy to be refused with the file, a byte offset and a
 * reason, never loaded: format 1 loaded 39 % of one-bit flips, some with other verdicts.
 */
class ModelFileDamageTest {
    /** {@code model NAME: damaged at byte N: REASON}, {@code ...damaged in bytes A-B: REASON}, or a reason naming the byte. */
    private static final Pattern REFUSAL = Pattern.compile(
            "(?<name>.+?): (?:damaged at byte (?<at>\\d+)|damaged in bytes (?<from>\\d+)-(?<to>\\d+)|.*at byte (?<named>\\d+)).*?: (?<reason>.+)",
            Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void everyDamagedByteOfASmallModelIsRefusedWithFileOffsetAndReason() throws IOException {
        Ensemble e = Fixtures.syntheticModel().ensemble();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelFile.write(out, e.header(), FilteredObjects.gzip(e.payload()));
        sweep(out.toByteArray(), "model small.gwm", true);
    }

    @Test
    void everyDamagedByteOfTheBundledModelIsRefusedWithFileOffsetAndReason() throws IOException {
        byte[] bundled;
        try (InputStream in = ModelFile.class.getResourceAsStream(ModelFile.DEFAULT_RESOURCE)) {
            bundled = in.readAllBytes();
        }
        sweep(bundled, "model default-model.gwm", false);
    }

    @Test
    void aDamagedFileOnDiskIsRefusedNamingItsPath() throws IOException {
        byte[] good;
        try (InputStream in = ModelFile.class.getResourceAsStream(ModelFile.DEFAULT_RESOURCE)) {
            good = in.readAllBytes();
        }
        Path file = dir.resolve("copy.gwm");
        Files.write(file, good);
        assertThat(Ensemble.load(file).modelVersion()).isEqualTo(Ensemble.loadDefault().modelVersion());
        for (int at : new int[] {0, 5, 8, 11, 12, 100, good.length / 2, good.length - 8, good.length - 1}) {
            byte[] b = good.clone();
            b[at] ^= 0x40;
            Files.write(file, b);
            ModelFileException refused = refusal(() -> Ensemble.load(file));
            assertThat(refused.getMessage()).startsWith("model " + file + ": ");
            assertOffsetAndReason(refused, at, good.length);
        }
    }

    /**
     * Every byte XOR 0xff, and every byte with one bit flipped (bit {@code i % 8}); or, not
     * {@code both}, one of the two a byte (XOR 0xff on even bytes). The undamaged copy loads.
     */
    private static void sweep(byte[] good, String name, boolean both) throws IOException {
        assertThat(ModelFile.read(good, name).header().schemaHash()).isNotEmpty();
        Map<String, Integer> reasons = new TreeMap<>();
        int refused = 0;
        int flips = 0;
        for (int pass = 0; pass < (both ? 2 : 1); pass++) {
            for (int at = 0; at < good.length; at++) {
                byte[] b = good.clone();
                boolean allBits = both ? pass == 0 : at % 2 == 0;
                b[at] ^= (byte) (allBits ? 0xff : 1 << (at % 8));
                flips++;
                ModelFileException e = refusal(() -> ModelFile.read(b, name));
                assertThat(e.getMessage()).as("flip at byte %d", at).startsWith(name + ": ");
                assertOffsetAndReason(e, at, good.length);
                refused++;
                reasons.merge(e.reason().replaceAll("\\d+", "N"), 1, Integer::sum);
            }
        }
        System.out.printf("%s (%d bytes): %d of %d damaged copies refused; reasons %s%n", name, good.length, refused, flips,
                reasons);
        assertThat(refused).isEqualTo(flips);
    }

    /** The message names a byte offset (or range) that holds the flipped byte, and a reason. */
    private static void assertOffsetAndReason(ModelFileException e, int at, int length) {
        Matcher m = REFUSAL.matcher(e.getMessage());
        assertThat(m.matches()).as("message shape: %s", e.getMessage()).isTrue();
        assertThat(m.group("reason")).isNotBlank();
        if (m.group("at") != null) {
            // The flipped byte; or the first of a two-byte field length that it changed; or the
            // end of the file, where such a length, read from the damaged header, runs out.
            long named = Long.parseLong(m.group("at"));
            assertThat(named == at || named == at - 1 || named == length).as("%s (flip at %d)", e.getMessage(), at).isTrue();
        } else if (m.group("from") != null) {
            assertThat(at).as("%s (flip at %d)", e.getMessage(), at)
                    .isBetween(Integer.parseInt(m.group("from")), Integer.parseInt(m.group("to")));
        } else {
            assertThat(Integer.parseInt(m.group("named"))).as("%s (flip at %d)", e.getMessage(), at).isEqualTo(at / 4 * 4);
        }
    }

    interface Load {
        Object run() throws IOException;
    }

    private static ModelFileException refusal(Load load) throws IOException {
        try {
            Object loaded = load.run();
            throw new AssertionError("a damaged copy loaded: " + loaded);
        } catch (ModelFileException e) {
            return e;
        }
    }
}
