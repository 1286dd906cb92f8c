package gatewatch.sensor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Asserts that a JSON-lines file holds whole lines only, each a JSON object with a field. */
public final class WholeLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WholeLines() {
    }

    /** @return the number of lines, after checking that the file ends with a whole line and each has {@code field} */
    public static long count(Path p, String field) throws IOException {
        String text = Files.readString(p);
        assertThat(text.isEmpty() || text.endsWith("\n")).as(p + " ends with a whole line").isTrue();
        for (String l : text.lines().toList()) {
            assertThat(JSON.readTree(l).has(field)).as(l).isTrue();
        }
        return text.lines().count();
    }
}
