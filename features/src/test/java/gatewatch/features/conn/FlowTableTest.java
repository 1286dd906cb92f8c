package gatewatch.features.conn;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.table.SlotIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FlowTableTest {
    private static int hash(long k) {
        return FlowTable.hash(k, 0, ~k, 0, (int) k & 0xffff, 80, 6);
    }

    private static Connection find(FlowTable t, long k) {
        return t.find(k, 0, ~k, 0, (int) k & 0xffff, 80, 6, hash(k));
    }

    @Test
    void theIndexGrowsWithTheConnectionsAndEveryKeyStaysFoundThroughGrowthAndRemoval() {
        FlowTable t = new FlowTable(100_000);
        assertThat(t.indexSize()).isEqualTo(SlotIndex.DEFAULT_INITIAL_CELLS);
        Random r = new Random(7);
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            long k = r.nextLong();
            keys.add(k);
            t.insert(k, 0, ~k, 0, (int) k & 0xffff, 80, 6, hash(k));
            if (i % 997 == 0) {
                // Keys inserted before a growth are still found after it.
                for (int j = 0; j <= i; j += 101) {
                    assertThat(find(t, keys.get(j))).as("key %d after %d inserts", j, i + 1).isNotNull();
                }
            }
        }
        // At most half full, and no bigger than twice the connections need.
        assertThat(t.indexSize()).isBetween(2 * 60_000, 4 * 60_000);
        Collections.shuffle(keys, r);
        for (int i = 0; i < keys.size(); i++) {
            Connection c = find(t, keys.get(i));
            assertThat(c).isNotNull();
            t.remove(c);
            assertThat(find(t, keys.get(i))).isNull();
            if (i % 5_000 == 0) {
                for (int j = i + 1; j < keys.size(); j += 199) {
                    assertThat(find(t, keys.get(j))).as("key %d after %d removals", j, i + 1).isNotNull();
                }
            }
        }
        assertThat(t.size()).isZero();
    }

    @Test
    void theIndexNeverGrowsPastWhatTheSlotsNeed() {
        FlowTable t = new FlowTable(20_000);
        for (long k = 1; k <= 20_000; k++) {
            t.insert(k, 0, ~k, 0, (int) k & 0xffff, 80, 6, hash(k));
        }
        assertThat(t.isFull()).isTrue();
        assertThat(t.indexSize()).isEqualTo(65_536);
        for (long k = 1; k <= 20_000; k++) {
            assertThat(find(t, k)).isNotNull();
        }
    }

    @Test
    void theConnectionFoundLastIsFoundAgainUntilItIsRemovedOrItsSlotHoldsAnotherKey() {
        FlowTable t = new FlowTable(4);
        Connection a = t.insert(1, 0, ~1L, 0, 1, 80, 6, hash(1));
        Connection b = t.insert(2, 0, ~2L, 0, 2, 80, 6, hash(2));
        assertThat(find(t, 1)).isSameAs(a);
        assertThat(find(t, 1)).isSameAs(a);
        assertThat(find(t, 2)).isSameAs(b);
        // The same key over UDP is another connection.
        assertThat(t.find(1, 0, ~1L, 0, 1, 80, 17, FlowTable.hash(1, 0, ~1L, 0, 1, 80, 17))).isNull();
        t.remove(b);
        assertThat(find(t, 2)).isNull();
        assertThat(find(t, 1)).isSameAs(a);
        t.remove(a);
        assertThat(find(t, 1)).isNull();
        // The freed slot's object now holds key 3; key 1 is still gone.
        Connection c = t.insert(3, 0, ~3L, 0, 3, 80, 6, hash(3));
        assertThat(find(t, 1)).isNull();
        assertThat(find(t, 3)).isSameAs(c);
    }
}
