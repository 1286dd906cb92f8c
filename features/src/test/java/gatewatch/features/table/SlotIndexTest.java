package gatewatch.features.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The index against a plain map, with keys kept by the caller as the tables using it keep them. */
class SlotIndexTest {
    /** A caller's table: the key of each slot, looked up as FlowTable and the others do. */
    private static final class Keys {
        final SlotIndex index;
        final long[] keyOf;
        final int hashBits;

        Keys(int capacity, int initialCells, int hashBits) {
            index = new SlotIndex(capacity, initialCells);
            keyOf = new long[capacity];
            this.hashBits = hashBits;
        }

        /** Few distinct hashes when {@code hashBits} is small: many keys share one, and runs are long. */
        int hash(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> (64 - hashBits));
        }

        int find(long key) {
            for (int s = index.first(hash(key)); s != SlotIndex.NONE; s = index.next()) {
                if (keyOf[s] == key) {
                    return s;
                }
            }
            return SlotIndex.NONE;
        }

        int add(long key) {
            int s = index.add(hash(key));
            keyOf[s] = key;
            return s;
        }

        void remove(int slot) {
            index.remove(slot, hash(keyOf[slot]));
        }
    }

    @Test
    void everyKeyIsFoundUnderItsSlotThroughGrowthRemovalAndSharedHashes() {
        for (int hashBits : new int[] {3, 9, 32}) {
            SplittableRandom r = new SplittableRandom(hashBits);
            int capacity = 300;
            Keys t = new Keys(capacity, 4, hashBits);
            Map<Long, Integer> model = new HashMap<>();
            List<Long> present = new ArrayList<>();
            for (int step = 0; step < 100_000; step++) {
                long key = r.nextInt(600);
                Integer known = model.get(key);
                assertThat(t.find(key)).as("hash bits %d, step %d, key %d", hashBits, step, key)
                        .isEqualTo(known == null ? SlotIndex.NONE : known);
                if (known == null && !t.index.isFull() && r.nextInt(4) != 0) {
                    int slot = t.add(key);
                    assertThat(slot).isBetween(0, capacity - 1);
                    assertThat(model.containsValue(slot)).as("slot %d handed out twice", slot).isFalse();
                    model.put(key, slot);
                    present.add(key);
                } else if (!present.isEmpty() && r.nextBoolean()) {
                    long gone = present.remove(r.nextInt(present.size()));
                    t.remove(model.remove(gone));
                    assertThat(t.find(gone)).isEqualTo(SlotIndex.NONE);
                }
                assertThat(t.index.size()).isEqualTo(model.size());
            }
            for (Map.Entry<Long, Integer> e : model.entrySet()) {
                assertThat(t.find(e.getKey())).isEqualTo(e.getValue());
            }
            // Grown from 4 cells, never past half full with every slot in use: 1,024 cells for 300 slots.
            assertThat(t.index.cells()).isEqualTo(1_024);
        }
    }

    @Test
    void slotsAreHandedOutLastFreedFirstThenUnusedOnesInOrderAndAgainFromZeroAfterClear() {
        SlotIndex index = new SlotIndex(5);
        assertThat(List.of(index.add(1), index.add(2), index.add(3))).containsExactly(0, 1, 2);
        index.remove(0, 1);
        index.remove(2, 3);
        assertThat(List.of(index.add(4), index.add(5), index.add(6), index.add(7))).containsExactly(2, 0, 3, 4);
        assertThat(index.isFull()).isTrue();
        assertThatThrownBy(() -> index.add(8)).isInstanceOf(IllegalStateException.class);
        index.clear();
        assertThat(index.size()).isZero();
        assertThat(index.first(4)).isEqualTo(SlotIndex.NONE);
        assertThat(List.of(index.add(9), index.add(9))).containsExactly(0, 1);
        // Two slots under one hash: the lookup gives both, in the order they were added.
        assertThat(List.of(index.first(9), index.next(), index.next())).containsExactly(0, 1, SlotIndex.NONE);
    }
}
