package gatewatch.sensor.config;

import java.nio.file.Path;

/** {@code detector:} — @param model a model file; empty = the bundled default model. */
public record DetectorSection(Path model) {
}
