package gatewatch.detector.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.detector.model.Category;
import gatewatch.features.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttackTaxonomyTest {
    @TempDir
    Path dir;

    @Test
    void builtInTableAgreesWithTheSharedTrainingAttackTypes() throws IOException {
        Path file = SharedData.require("data/training_attack_types");
        AttackTaxonomy builtIn = AttackTaxonomy.builtIn();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            String[] p = line.trim().split("\\s+");
            assertThat(builtIn.categoryOf(p[0])).as(p[0]).isEqualTo(Category.ofExternalName(p[1]));
        }
    }

    @Test
    void knowsNormalTheTrainingAttacksAndTheTestOnlyAttacks() {
        Map<Category, Long> perCategory = AttackTaxonomy.builtIn().all().values().stream()
                .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        // 1 normal, 22 training attacks, 17 test-only attacks.
        assertThat(AttackTaxonomy.builtIn().all()).hasSize(40);
        assertThat(perCategory).containsEntry(Category.NORMAL, 1L).containsEntry(Category.DOS, 10L)
                .containsEntry(Category.PROBE, 6L).containsEntry(Category.R2L, 15L).containsEntry(Category.U2R, 8L);
        assertThat(AttackTaxonomy.builtIn().categoryOf("snmpgetattack")).isEqualTo(Category.R2L);
        assertThat(AttackTaxonomy.builtIn().categoryOf("httptunnel")).isEqualTo(Category.U2R);
        assertThat(AttackTaxonomy.builtIn().categoryOf("nosuchattack")).isNull();
    }

    @Test
    void aFileAddsEntriesAndABadLineIsNamed() throws IOException {
        Path extra = Files.writeString(dir.resolve("types"), "newattack probe\n\n");
        assertThat(AttackTaxonomy.builtIn().withFile(extra).categoryOf("newattack")).isEqualTo(Category.PROBE);

        Path bad = Files.writeString(dir.resolve("bad"), "ok dos\nbroken nonsense\n");
        assertThatThrownBy(() -> AttackTaxonomy.builtIn().withFile(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad:2").hasMessageContaining("broken nonsense");
    }
}
