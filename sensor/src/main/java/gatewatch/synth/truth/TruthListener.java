package gatewatch.synth.truth;

import java.io.IOException;

/** Receives the synthesizer's ground truth: every connection, in the order they start. */
@FunctionalInterface
public interface TruthListener {
    TruthListener NONE = c -> { };

    void connection(TrueConnection c) throws IOException;

    /** Both this and {@code other}, in that order. */
    default TruthListener andThen(TruthListener other) {
        return c -> {
            connection(c);
            other.connection(c);
        };
    }
}
