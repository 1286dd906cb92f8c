package gatewatch.sensor.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One phase of the scenario: the wall-clock span its tools ran in, and the address that drove it.
 * A connection belongs to the phase when it started inside the span (packet time) and involves
 * that address; for the normal phase ({@code actor} null) every connection that started inside
 * the span belongs to it.
 */
record Phase(String name, String command, Instant start, Instant end, String actor) {

    boolean contains(Event e) {
        return !e.start().isBefore(start) && !e.start().isAfter(end) && (actor == null || e.involves(actor));
    }

    List<Event> of(List<Event> events) {
        return events.stream().filter(this::contains).toList();
    }

    Duration length() {
        return Duration.between(start, end);
    }

    /** Alerts among {@code events} of this phase by {@code category/label}, in name order. */
    Map<String, Long> verdicts(List<Event> events) {
        return of(events).stream().filter(Event::isAlert)
                .collect(Collectors.groupingBy(Event::verdict, TreeMap::new, Collectors.counting()));
    }

    /** Alerts among {@code events} of this phase by category. */
    Map<String, Long> categories(List<Event> events) {
        return of(events).stream().filter(Event::isAlert)
                .collect(Collectors.groupingBy(Event::category, TreeMap::new, Collectors.counting()));
    }
}
