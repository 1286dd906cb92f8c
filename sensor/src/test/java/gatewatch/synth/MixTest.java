package gatewatch.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.synth.scenario.ScenarioKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MixTest {
    @Test
    void defaultHasEveryScenario() {
        assertThat(Mix.DEFAULT.percent().keySet()).containsExactlyInAnyOrder(ScenarioKind.values());
        assertThat(Mix.parse(Mix.DEFAULT.toString())).isEqualTo(Mix.DEFAULT);
    }

    @Test
    void splitAddsUpExactlyByLargestRemainder() {
        Map<ScenarioKind, Integer> parts = Mix.parse("normal=85,neptune=5,portsweep=3,ipsweep=2,smurf=3,guess_passwd=1,"
                + "guess_passwd_ftp=1").split(1_001);
        assertThat(parts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1_001);
        assertThat(parts).containsEntry(ScenarioKind.NORMAL, 851).containsEntry(ScenarioKind.NEPTUNE, 50);
        assertThat(Mix.parse("normal=50, smurf=50").split(3).values()).containsExactlyInAnyOrder(2, 1);
    }

    @Test
    void errorsSayWhatIsWrong() {
        assertThatThrownBy(() -> Mix.parse("normal=99")).hasMessageContaining("add up to 99");
        assertThatThrownBy(() -> Mix.parse("normal=90,teardrop=10")).hasMessageContaining("unknown scenario 'teardrop'")
                .hasMessageContaining("guess_passwd_ftp");
        assertThatThrownBy(() -> Mix.parse("normal=50,normal=50")).hasMessageContaining("twice");
        assertThatThrownBy(() -> Mix.parse("normal=x")).hasMessageContaining("whole percent");
        assertThatThrownBy(() -> Mix.parse("normal=101,smurf=-1")).hasMessageContaining("0 to 100");
    }
}
