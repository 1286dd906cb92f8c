package gatewatch.sensor.cli;

import gatewatch.detector.io.SiteBaselineFile;
import gatewatch.detector.model.Ensemble;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads the model a command was given, or the bundled one, and the site baseline when one is
 * given; a bad file, or a baseline learned for another model, is a usage error naming it.
 */
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

    static Ensemble load(Path file, Path siteBaseline) {
        Ensemble model = load(file);
        if (siteBaseline == null) {
            return model;
        }
        try {
            return model.withSite(SiteBaselineFile.read(siteBaseline).baseline());
        } catch (IOException | RuntimeException e) {
            throw new UsageException("site baseline " + siteBaseline + ": " + e.getMessage());
        }
    }
}
