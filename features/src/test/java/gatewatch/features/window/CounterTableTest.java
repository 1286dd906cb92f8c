package gatewatch.features.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CounterTableTest {

    private record Key(long a, long b, int c) {
    }

    @Test
    void behavesLikeAMapUnderRandomInsertsAndRemovals() {
        SplittableRandom rnd = new SplittableRandom(7);
        CounterTable t = new CounterTable(64, 2);
        Map<Key, Integer> ref = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            // Few distinct values so keys collide and probe runs wrap around the table.
            Key k = new Key(rnd.nextInt(6), rnd.nextInt(6), rnd.nextInt(4));
            if (ref.containsKey(k) && rnd.nextInt(3) == 0) {
                t.remove(t.find(k.a(), k.b(), k.c()));
                ref.remove(k);
            } else if (ref.size() < 64 || ref.containsKey(k)) {
                int slot = t.findOrInsert(k.a(), k.b(), k.c());
                ref.merge(k, 1, Integer::sum);
                assertThat(t.add(slot, 1, 1)).isEqualTo(ref.get(k));
            }
            assertThat(t.size()).isEqualTo(ref.size());
        }
        for (Map.Entry<Key, Integer> e : ref.entrySet()) {
            int slot = t.find(e.getKey().a(), e.getKey().b(), e.getKey().c());
            assertThat(t.get(slot, 1)).isEqualTo(e.getValue());
            assertThat(t.get(slot, 0)).isZero();
        }
        List<Key> absent = new ArrayList<>();
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                for (int c = 0; c < 4; c++) {
                    Key k = new Key(a, b, c);
                    if (!ref.containsKey(k)) {
                        absent.add(k);
                    }
                }
            }
        }
        assertThat(absent).allSatisfy(k -> assertThat(t.find(k.a(), k.b(), k.c())).isEqualTo(-1));
    }

    @Test
    void aRemovedKeyComesBackWithZeroCounters() {
        CounterTable t = new CounterTable(4, 1);
        int s = t.findOrInsert(1, 2, 3);
        t.add(s, 0, 5);
        t.remove(s);
        assertThat(t.get(t.findOrInsert(1, 2, 3), 0)).isZero();
    }

    @Test
    void moreKeysThanTheBoundIsABug() {
        CounterTable t = new CounterTable(2, 1);
        t.findOrInsert(1, 0, 0);
        t.findOrInsert(2, 0, 0);
        assertThatThrownBy(() -> t.findOrInsert(3, 0, 0)).isInstanceOf(IllegalStateException.class);
    }
}
