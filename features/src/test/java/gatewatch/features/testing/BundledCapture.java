package gatewatch.features.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The capture bundled with the tests ({@code gatewatch/features/fixtures/}, see the README there):
 * 100 synthesized connections, normal ones and six attacks, with their ground truth and their
 * expected KDD records. Unlike {@link SharedData}, always present, so decoding, connection states,
 * features and scoring are tested in every checkout.
 */
public enum BundledCapture {
    /** The capture (pcap, Ethernet, nanosecond timestamps). */
    PCAP("small-mix.pcap"),
    /** Its ground truth, one rule per connection. */
    TRUTH("small-mix.truth"),
    /** {@code gatewatch features} of the capture: 41 columns, no label. */
    EXPECTED_KDD("small-mix.kdd");

    /** Frames in the capture. */
    public static final int FRAMES = 473;
    /** Connections in the capture, as the extractor counts them. */
    public static final int CONNECTIONS = 100;

    private final String name;

    BundledCapture(String name) {
        this.name = name;
    }

    /**
     * The file copied into {@code dir}: read from the classpath, which in another module is the
     * features test-jar, not a directory.
     */
    public Path copyTo(Path dir) {
        Path out = dir.resolve(name);
        try (InputStream in = BundledCapture.class.getResourceAsStream("/gatewatch/features/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("gatewatch/features/fixtures/" + name + " is not on the test classpath");
            }
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
