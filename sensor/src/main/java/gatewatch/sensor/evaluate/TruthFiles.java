package gatewatch.sensor.evaluate;

import gatewatch.features.truth.Truth;
import gatewatch.features.truth.TruthFile;
import gatewatch.features.truth.TruthFormatException;
import gatewatch.features.truth.TruthRule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads truth files in order as one list of rules, as {@code features --truth} and {@code evaluate --capture} take them. */
public final class TruthFiles {
    private TruthFiles() {
    }

    /** @throws EvaluationInputException naming the file and the reason (a line of bad format, an unreadable file) */
    public static Truth read(List<Path> files) {
        List<TruthRule> rules = new ArrayList<>();
        for (Path f : files) {
            try {
                rules.addAll(TruthFile.read(f).rules());
            } catch (TruthFormatException e) {
                throw new EvaluationInputException(e.getMessage(), e);
            } catch (IOException e) {
                throw new EvaluationInputException(f + ": cannot read: " + e.getMessage(), e);
            }
        }
        return new Truth(rules);
    }
}
