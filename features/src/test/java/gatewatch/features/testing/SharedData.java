package gatewatch.features.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the team's shared data and captures ({@code ../shared} beside the checkout).
 *
 * <p>Tests call {@link #require(String)}: in a user's clone without {@code ../shared} the test is
 * skipped with a message saying so; in CI the folder is there and the test runs.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared folder: the {@code gatewatch.shared} property (set by the build), else {@code ../shared}. */
    public static Path root() {
        String p = System.getProperty("gatewatch.shared");
        return Path.of(p != null ? p : "../shared").toAbsolutePath().normalize();
    }

    /** A file or folder under the shared root; skips the calling test when it is absent. */
    public static Path require(String relative) {
        Path path = root().resolve(relative);
        assumeTrue(Files.exists(path),
                () -> "skipped: " + path + " not found (tests on shared data need ../shared beside the checkout)");
        return path;
    }
}
