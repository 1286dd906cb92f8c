package gatewatch.features.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdInternerTest {

    private record Key(long a, long b) {
    }

    @Test
    void equalKeysShareAnIdUntilTheirLastReferenceIsReleased() {
        SplittableRandom rnd = new SplittableRandom(11);
        IdInterner ids = new IdInterner(32);
        Map<Key, Integer> idOf = new HashMap<>();
        Map<Key, Integer> refs = new HashMap<>();
        List<Key> held = new ArrayList<>();
        for (int step = 0; step < 200_000; step++) {
            if (!held.isEmpty() && (held.size() == 32 || rnd.nextBoolean())) {
                Key k = held.remove(rnd.nextInt(held.size()));
                ids.release(idOf.get(k));
                if (refs.merge(k, -1, Integer::sum) == 0) {
                    refs.remove(k);
                    idOf.remove(k);
                }
            } else {
                Key k = new Key(rnd.nextInt(8), rnd.nextInt(8) * 0x1_0000_0001L);
                int id = ids.acquire(k.a(), k.b());
                assertThat(id).isBetween(0, 31);
                Integer known = idOf.putIfAbsent(k, id);
                assertThat(known == null ? id : known).as("same key, same id").isEqualTo(id);
                // A live id belongs to one key only.
                idOf.forEach((other, otherId) -> assertThat(other.equals(k) || otherId != id).isTrue());
                refs.merge(k, 1, Integer::sum);
                held.add(k);
            }
        }
    }

    @Test
    void moreDistinctKeysThanIdsIsABug() {
        IdInterner ids = new IdInterner(2);
        ids.acquire(1, 1);
        ids.acquire(2, 2);
        assertThatThrownBy(() -> ids.acquire(3, 3)).isInstanceOf(IllegalStateException.class);
        assertThat(ids.acquire(1, 1)).isEqualTo(ids.acquire(1, 1));
    }
}
