package gatewatch.features.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The lists against plain ordered sets, one per list. */
class SlotListsTest {
    @Test
    void eachListKeepsItsSlotsInOrderOfAppendUnderRandomAppendAndUnlink() {
        int capacity = 40;
        int lists = 3;
        SlotLists t = new SlotLists(capacity, lists);
        List<LinkedHashSet<Integer>> model = new ArrayList<>();
        for (int l = 0; l < lists; l++) {
            model.add(new LinkedHashSet<>());
        }
        int[] listOf = new int[capacity];
        java.util.Arrays.fill(listOf, -1);
        SplittableRandom r = new SplittableRandom(5);
        for (int step = 0; step < 50_000; step++) {
            int slot = r.nextInt(capacity);
            if (listOf[slot] >= 0) {
                t.unlink(listOf[slot], slot);
                model.get(listOf[slot]).remove(slot);
                listOf[slot] = -1;
            }
            if (r.nextInt(3) != 0) {
                int list = r.nextInt(lists);
                t.append(list, slot);
                model.get(list).add(slot);
                listOf[slot] = list;
            }
            for (int l = 0; l < lists; l++) {
                List<Integer> expected = new ArrayList<>(model.get(l));
                assertThat(t.first(l)).isEqualTo(expected.isEmpty() ? SlotLists.NONE : expected.get(0));
                assertThat(t.last(l)).isEqualTo(expected.isEmpty() ? SlotLists.NONE : expected.get(expected.size() - 1));
            }
        }
        // Draining each list from its first slot gives the model's order.
        for (int l = 0; l < lists; l++) {
            List<Integer> drained = new ArrayList<>();
            for (int s = t.first(l); s != SlotLists.NONE; s = t.first(l)) {
                drained.add(s);
                t.unlink(l, s);
            }
            assertThat(drained).containsExactlyElementsOf(model.get(l));
        }
    }
}
