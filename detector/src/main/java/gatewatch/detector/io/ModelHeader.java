package gatewatch.detector.io;

import java.util.Objects;

/**
 * The readable part of a model file, written before the payload so that a mismatch is reported
 * before anything is deserialized.
 *
 * @param formatVersion    {@link ModelFile#FORMAT_VERSION} when written
 * @param schemaHash       {@code DetectorRow.schemaHash()} of the build that trained the model
 * @param trainingCommand  the command line that produced the model
 * @param createdAt        ISO-8601 instant of training
 * @param gatewatchVersion the version of gatewatch that trained it
 * @param modelVersion     a short name for logs and {@code --version}: data set and a payload digest
 */
public record ModelHeader(int formatVersion, String schemaHash, String trainingCommand, String createdAt,
        String gatewatchVersion, String modelVersion) {
    public ModelHeader {
        Objects.requireNonNull(schemaHash);
        Objects.requireNonNull(trainingCommand);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(gatewatchVersion);
        Objects.requireNonNull(modelVersion);
    }
}
