package gatewatch.sensor.config;

import java.nio.file.Path;

/**
 * {@code detector:} — the model and the site baseline.
 *
 * @param model        a model file; empty = the bundled default model
 * @param siteBaseline a site baseline from {@code gatewatch learn} for that model; empty = none
 */
public record DetectorSection(Path model, Path siteBaseline) {
}
