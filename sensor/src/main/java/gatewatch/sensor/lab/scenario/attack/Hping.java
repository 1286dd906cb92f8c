package gatewatch.sensor.lab.scenario.attack;

import gatewatch.sensor.lab.CommandResult;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.scenario.LabRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs hping3 in a lab namespace and reads the counts it prints when it ends. */
final class Hping {
    private static final Pattern STATS = Pattern.compile("(\\d+) packets transmitted, (\\d+) packets received");

    /** What hping3 said it sent and how many answers it saw. */
    record Stats(long transmitted, long received) {
    }

    private Hping() {
    }

    /**
     * Runs {@code hping3 ARGS} to its end. hping3's exit code says whether answers came (none come
     * to spoofed sources), so success is judged by its statistics line instead.
     */
    static Stats run(LabRun lab, String name, Duration limit, List<String> args) {
        return stats(name, lab.client(name, limit, command(lab, args)));
    }

    /**
     * As {@link #run}, in the server namespace: packets forged there to the server's own
     * addresses never cross the capture, so only what the server sends back is seen, as at the
     * gateway of a reflection attack's victim.
     */
    static Stats runOnServer(LabRun lab, String name, Duration limit, List<String> args) {
        return stats(name, lab.server(name, limit, command(lab, args)));
    }

    private static List<String> command(LabRun lab, List<String> args) {
        List<String> c = new ArrayList<>();
        c.add(lab.path(AttackTools.HPING3));
        c.addAll(args);
        return c;
    }

    private static Stats stats(String name, CommandResult r) {
        Stats s = parse(r.output());
        if (s == null) {
            throw new LabException("hping3 (" + name + ") printed no statistics, exit " + r.exit() + ": "
                    + CommandResult.tail(r.output()));
        }
        return s;
    }

    /**
     * The two floods the flood scenarios make with the same options: first from one real client
     * address ({@code clientAlias(aliasHost)}), whose answers come back, then from random spoofed
     * sources. Reports real_source_sent, {@code realAnswersKey} and spoofed_sent.
     */
    static void floodRealThenSpoofed(LabRun lab, List<String> common, int aliasHost, String realAnswersKey) {
        String server = lab.net().server();
        lab.pause(Duration.ofMillis(300), Duration.ofMillis(1000));
        Stats real = run(lab, "flood-real-source", Duration.ofSeconds(60),
                args(common, "-a", lab.net().clientAlias(aliasHost), server));
        lab.report("real_source_sent", real.transmitted());
        lab.report(realAnswersKey, real.received());
        lab.pause(Duration.ofMillis(500), Duration.ofMillis(1500));
        Stats spoofed = run(lab, "flood-spoofed", Duration.ofSeconds(60), args(common, "--rand-source", server));
        lab.report("spoofed_sent", spoofed.transmitted());
    }

    /** {@code common} followed by {@code more}: shared options plus one run's own. */
    static List<String> args(List<String> common, String... more) {
        List<String> a = new ArrayList<>(common);
        a.addAll(List.of(more));
        return a;
    }

    /** The counts of hping3's "N packets transmitted, M packets received" line, or null. */
    static Stats parse(String output) {
        Matcher m = STATS.matcher(output);
        return m.find() ? new Stats(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))) : null;
    }
}
