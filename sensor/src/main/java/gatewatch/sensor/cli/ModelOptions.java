package gatewatch.sensor.cli;

import gatewatch.detector.model.Ensemble;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model} and {@code --site-baseline}, shared by {@code run} and {@code replay}. */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "FILE",
            description = "Model file (default: the bundled model; for run, overrides detector.model).")
    Path model;

    @Option(names = "--site-baseline", paramLabel = "FILE",
            description = "Site baseline from 'gatewatch learn' for the model (for run, overrides detector.site_baseline).")
    Path siteBaseline;

    /** The ensemble of these options, each in place of the configured file ({@code null}: none configured). */
    Ensemble load(Path configuredModel, Path configuredSiteBaseline) {
        return Models.load(model != null ? model : configuredModel,
                siteBaseline != null ? siteBaseline : configuredSiteBaseline);
    }
}
