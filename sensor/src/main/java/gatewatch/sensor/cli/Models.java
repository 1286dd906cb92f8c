package gatewatch.sensor.cli;

import gatewatch.detector.model.Ensemble;
import java.io.IOException;
import java.nio.file.Path;

/** Loads the model a command was given, or the bundled one; a bad file is a usage error naming it. */
final class Models {
    private Models() {
    }

    static Ensemble load(Path file) {
        if (file == null) {
            return Ensemble.loadDefault();
        }
        try {
            return Ensemble.load(file);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("model " + file + ": " + e.getMessage());
        }
    }
}
