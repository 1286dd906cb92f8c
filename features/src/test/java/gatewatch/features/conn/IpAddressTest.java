package gatewatch.features.conn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IpAddressTest {
    /** A record of the same components with the generated methods: what IpAddress's were. */
    private record Generated(long hi, long lo) {
    }

    @Test
    void equalsAndHashCodeAreTheRecordsOwnForAnyBits() {
        SplittableRandom r = new SplittableRandom(15);
        long[] edges = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x0000_ffff_c0a8_0001L};
        for (int i = 0; i < 10_000; i++) {
            long hi = i < edges.length ? edges[i] : r.nextLong();
            long lo = i < edges.length ? edges[edges.length - 1 - i] : r.nextLong();
            IpAddress a = new IpAddress(hi, lo);
            assertThat(a.hashCode()).isEqualTo(new Generated(hi, lo).hashCode());
            assertThat(a).isEqualTo(new IpAddress(hi, lo)).hasSameHashCodeAs(new IpAddress(hi, lo));
            assertThat(a).isNotEqualTo(new IpAddress(hi ^ 1, lo)).isNotEqualTo(new IpAddress(hi, lo ^ 1));
        }
        assertThat(new IpAddress(0, 1)).isNotEqualTo(new Generated(0, 1)).isNotEqualTo(null);
    }
}
