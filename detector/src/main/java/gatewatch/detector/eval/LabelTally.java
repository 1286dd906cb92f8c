package gatewatch.detector.eval;

import gatewatch.detector.model.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts verdicts per truth label (the rows of {@link LabelResult}). Single-threaded. */
public final class LabelTally {
    private static final List<String> CATEGORY_ORDER = List.of("normal", "dos", "probe", "r2l", "u2r");

    private final Map<String, Count> counts = new HashMap<>();

    private static final class Count {
        final String category;
        long connections;
        long alerted;
        long ownCategory;
        final Map<String, Long> verdicts = new HashMap<>();

        Count(String category) {
            this.category = category;
        }
    }

    /** One connection the truth calls {@code category/label}, judged {@code v}. */
    public void add(String label, String category, Verdict v) {
        Count c = counts.computeIfAbsent(label + '\u0000' + category, k -> new Count(category));
        c.connections++;
        String verdictCategory = v.category().externalName();
        if (v.isAlert()) {
            c.alerted++;
            if (verdictCategory.equals(category)) {
                c.ownCategory++;
            }
        }
        String name = v.label().equals(verdictCategory) ? verdictCategory : verdictCategory + "/" + v.label();
        c.verdicts.merge(name, 1L, Long::sum);
    }

    /** Adds every count of {@code other} to this one. */
    public void addAll(LabelTally other) {
        other.counts.forEach((key, o) -> {
            Count c = counts.computeIfAbsent(key, k -> new Count(o.category));
            c.connections += o.connections;
            c.alerted += o.alerted;
            c.ownCategory += o.ownCategory;
            o.verdicts.forEach((v, n) -> c.verdicts.merge(v, n, Long::sum));
        });
    }

    /** Normal first, then the attack labels by category (dos, probe, r2l, u2r) and name. */
    public List<LabelResult> results() {
        List<LabelResult> out = new ArrayList<>();
        counts.forEach((key, c) -> {
            String label = key.substring(0, key.indexOf('\u0000'));
            Map<String, Long> verdicts = new LinkedHashMap<>();
            c.verdicts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> verdicts.put(e.getKey(), e.getValue()));
            boolean normal = c.category.equals("normal");
            out.add(new LabelResult(label, c.category, c.connections, c.alerted, (double) c.alerted / c.connections,
                    normal ? null : c.ownCategory, normal ? null : (double) c.ownCategory / c.connections, verdicts));
        });
        out.sort(Comparator.comparingInt((LabelResult r) -> categoryRank(r.category())).thenComparing(LabelResult::label));
        return out;
    }

    private static int categoryRank(String category) {
        int i = CATEGORY_ORDER.indexOf(category);
        return i < 0 ? CATEGORY_ORDER.size() : i;
    }
}
