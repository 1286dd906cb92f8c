package gatewatch.sensor.lab.scenario.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Small fixed password lists for the guessing scenarios, with the right password put in at a seeded place. */
final class GuessLists {
    /** Common passwords of leaked lists, in this order. */
    static final List<String> COMMON = List.of("admin", "welcome", "iloveyou", "princess", "sunshine", "passw0rd",
            "trustno1", "superman", "starwars", "hello123", "freedom", "whatever", "qazwsx", "ninja", "azerty",
            "solo", "batman", "zaq1zaq1", "charlie", "donald");

    private GuessLists() {
    }

    /** {@link #COMMON} with {@code password} inserted after at least {@code skip} wrong ones, at a seeded place. */
    static List<String> withPassword(RandomGenerator random, String password, int skip) {
        List<String> words = new ArrayList<>(COMMON);
        words.add(skip + random.nextInt(COMMON.size() - skip + 1), password);
        return words;
    }
}
