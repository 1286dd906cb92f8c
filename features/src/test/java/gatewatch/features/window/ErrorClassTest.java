package gatewatch.features.window;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.kdd.KddFlag;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ErrorClassTest {

    @Test
    void synErrorsAreTheUnfinishedHandshakesAndClosesWithoutReset() {
        assertThat(flagsOf(ErrorClass.SYN))
                .containsExactlyInAnyOrder(KddFlag.S0, KddFlag.S1, KddFlag.S2, KddFlag.S3, KddFlag.SH, KddFlag.SHR);
    }

    @Test
    void rejErrorsAreTheConnectionsEndedByAReset() {
        assertThat(flagsOf(ErrorClass.REJ))
                .containsExactlyInAnyOrder(KddFlag.REJ, KddFlag.RSTO, KddFlag.RSTR, KddFlag.RSTOS0, KddFlag.RSTRH);
    }

    @Test
    void normalAndMidstreamAreNoError() {
        assertThat(flagsOf(ErrorClass.NONE)).containsExactlyInAnyOrder(KddFlag.SF, KddFlag.OTH);
    }

    private static EnumSet<KddFlag> flagsOf(ErrorClass c) {
        EnumSet<KddFlag> flags = EnumSet.noneOf(KddFlag.class);
        for (KddFlag f : KddFlag.values()) {
            if (ErrorClass.of(f) == c) {
                flags.add(f);
            }
        }
        return flags;
    }
}
