package gatewatch.sensor.evaluate;

import java.nio.file.Path;
import java.util.List;

/** A capture file and the truth file(s) that label its connections, read in order as one list of rules. */
public record LabelledCapture(Path capture, List<Path> truth) {
    public LabelledCapture {
        truth = List.copyOf(truth);
        if (truth.isEmpty()) {
            throw new IllegalArgumentException("a labelled capture needs a truth file: " + capture);
        }
    }
}
