package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.sensor.alert.AlertLimit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertLimitConverterTest {
    private final AlertLimitConverter converter = new AlertLimitConverter();

    @Test
    void parsesTheCommandLineForm() {
        assertThat(converter.convert("100/60s")).isEqualTo(AlertLimit.DEFAULT);
        assertThat(converter.convert("5/2m")).isEqualTo(new AlertLimit(5, Duration.ofMinutes(2), AlertLimit.DEFAULT.maxTracked()));
        assertThat(converter.convert("off").enabled()).isFalse();
        assertThatThrownBy(() -> converter.convert("100")).hasMessageContaining("COUNT/DURATION");
        assertThatThrownBy(() -> converter.convert("100/0s")).hasMessageContaining("per must be a positive duration");
    }
}
