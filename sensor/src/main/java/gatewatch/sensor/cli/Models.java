package gatewatch.sensor.cli;

import gatewatch.detector.io.ModelFile;
import gatewatch.detector.io.ModelFileException;
import gatewatch.detector.io.SiteBaselineFile;
import gatewatch.detector.model.Ensemble;
import java.nio.file.Path;

/**
 * Loads the model a command was given, or the bundled one, and the site baseline when one is
 * given. A file that is refused (missing, unreadable, damaged, of another format or schema) is an
 * unreadable input, exit 3, with the one message {@link ModelFileException} makes
 * ({@code model FILE: damaged at byte N: REASON}); a baseline learned for another model is a
 * usage error, exit 2.
 */
final class Models {
    private Models() {
    }

    static Ensemble load(Path file) {
        try {
            return file == null ? ModelFile.readDefault() : ModelFile.read(file);
        } catch (ModelFileException e) {
            throw new UnreadableInputException(e.getMessage(), e);
        }
    }

    static Ensemble load(Path file, Path siteBaseline) {
        Ensemble model = load(file);
        if (siteBaseline == null) {
            return model;
        }
        SiteBaselineFile.Loaded site;
        try {
            site = SiteBaselineFile.read(siteBaseline);
        } catch (ModelFileException e) {
            throw new UnreadableInputException(e.getMessage(), e);
        }
        try {
            return model.withSite(site.baseline());
        } catch (IllegalArgumentException e) {
            throw new UsageException("site baseline " + siteBaseline + ": " + e.getMessage());
        }
    }
}
