package gatewatch.sensor.lab.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removal of a run's work directory. */
public final class WorkDirs {
    private WorkDirs() {
    }

    /** Deletes {@code dir} and everything in it; what cannot be deleted stays (a later {@code lab clean} tries again). */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Keep going: the rest can still go.
                }
            }
        } catch (IOException e) {
            // Nothing more to do here.
        }
    }
}
