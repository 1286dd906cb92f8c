package gatewatch.features.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The table's index and age list against a plain map kept in creation order. */
class FragmentTableTest {
    @Test
    void indexAndAgeListMatchAModelUnderRandomOpenReleaseAndEviction() {
        int capacity = 8;
        DecodeCounters counters = new DecodeCounters();
        FragmentTable table = new FragmentTable(new FragmentLimits(capacity, 65_535, 4, Long.MAX_VALUE / 4), counters);
        Map<Long, Integer> model = new LinkedHashMap<>();
        PacketView v = new PacketView();
        v.ipVersion = 4;
        v.protocol = PacketView.PROTO_UDP;
        v.srcLo = 0x0000_ffff_0a00_0001L;
        v.dstLo = 0x0000_ffff_0a00_0002L;
        Random r = new Random(11);
        long evictions = 0;
        for (int step = 0; step < 200_000; step++) {
            long id = r.nextInt(24);
            if (r.nextInt(3) != 0) {
                Integer known = model.get(id);
                if (known == null && model.size() == capacity) {
                    model.remove(model.keySet().iterator().next());
                    evictions++;
                }
                int slot = table.open(v, id, step);
                if (known != null) {
                    assertThat(slot).isEqualTo(known);
                } else {
                    assertThat(model.containsValue(slot)).as("slot %d handed out twice", slot).isFalse();
                    model.put(id, slot);
                }
            } else if (model.containsKey(id)) {
                table.release(model.remove(id));
            }
            assertThat(table.inFlight()).isEqualTo(model.size());
        }
        assertThat(counters.fragments(FragmentCounter.EVICTED)).isEqualTo(evictions).isPositive();
    }

    @Test
    void expiryDropsOnlyDatagramsOlderThanTheTimeout() {
        DecodeCounters counters = new DecodeCounters();
        FragmentTable table = new FragmentTable(new FragmentLimits(4, 65_535, 4, 100), counters);
        PacketView v = new PacketView();
        v.ipVersion = 6;
        v.protocol = PacketView.PROTO_TCP;
        table.open(v, 1, 0);
        table.open(v, 2, 50);
        table.open(v, 3, 100);
        table.expire(150);
        assertThat(table.inFlight()).isEqualTo(2);
        table.expire(-1_000);
        assertThat(table.inFlight()).isEqualTo(2);
        table.expire(201);
        assertThat(table.inFlight()).isZero();
        assertThat(counters.fragments(FragmentCounter.EXPIRED)).isEqualTo(3);
    }
}
