package gatewatch.features.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongToIntFunction;
import org.junit.jupiter.api.Test;

/** The index against a plain map, with keys kept by the caller as the tables using it keep them. */
class SlotIndexTest {
    /** A caller's table: the key of each slot, looked up as FlowTable and the others do. */
    private static final class Keys {
        final SlotIndex index;
        final long[] keyOf;
        final LongToIntFunction hashOf;

        Keys(int capacity, int initialCells, LongToIntFunction hashOf) {
            index = new SlotIndex(capacity, initialCells);
            keyOf = new long[capacity];
            this.hashOf = hashOf;
        }

        int hash(long key) {
            return hashOf.applyAsInt(key);
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

    /** Few distinct hashes when {@code bits} is small: many keys share one, and runs are long. */
    private static LongToIntFunction topBits(int bits) {
        return key -> (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - bits));
    }

    @Test
    void everyKeyIsFoundUnderItsSlotThroughGrowthRemovalAndSharedHashes() {
        Map<String, LongToIntFunction> hashes = Map.of(
                // 8 and 512 hashes, all below the bits a cell gives the slot: every cell has the same tag
                "3 bits", topBits(3), "9 bits", topBits(9), "32 bits", topBits(32),
                // few homes (two low bits and the tag's lowest), many tags: long runs told apart by tag, moved on removal
                "few homes", key -> (int) (key * 0x9E3779B97F4A7C15L >>> 32) & 0xFFFF_FE03);
        for (Map.Entry<String, LongToIntFunction> shape : hashes.entrySet()) {
            SplittableRandom r = new SplittableRandom(shape.getKey().hashCode());
            int capacity = 300;
            Keys t = new Keys(capacity, 4, shape.getValue());
            Map<Long, Integer> model = new HashMap<>();
            List<Long> present = new ArrayList<>();
            for (int step = 0; step < 100_000; step++) {
                long key = r.nextInt(600);
                Integer known = model.get(key);
                assertThat(t.find(key)).as("hashes %s, step %d, key %d", shape.getKey(), step, key)
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

    @Test
    void aLookupPassesOverCellsOfOtherTagsAndGivesTheSlotsOfItsTagForTheCallerToCompare() {
        // 300 slots take the low 9 bits of a cell; the hash's bits above them are its tag.
        SlotIndex index = new SlotIndex(300, 1 << 14);
        int home = 5;
        int sameHomeOtherTag = home | 1 << 20;
        int nextHomeSameTag = home + 1;
        assertThat(List.of(index.add(home), index.add(sameHomeOtherTag), index.add(nextHomeSameTag)))
                .containsExactly(0, 1, 2);
        // One run of cells 5, 6, 7: slot 1 (another tag) is skipped; slot 2, of another hash with
        // the same tag, is a candidate, which the caller's key comparison passes over.
        assertThat(List.of(index.first(home), index.next(), index.next())).containsExactly(0, 2, SlotIndex.NONE);
        assertThat(List.of(index.first(sameHomeOtherTag), index.next())).containsExactly(1, SlotIndex.NONE);
        // Removing the run's head moves the others back towards their homes, found by their whole hashes.
        index.remove(0, home);
        assertThat(List.of(index.first(sameHomeOtherTag), index.next())).containsExactly(1, SlotIndex.NONE);
        assertThat(List.of(index.first(nextHomeSameTag), index.next())).containsExactly(2, SlotIndex.NONE);
        assertThat(index.first(home)).isEqualTo(2);
    }
}
