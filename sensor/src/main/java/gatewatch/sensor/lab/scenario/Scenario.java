package gatewatch.sensor.lab.scenario;

import java.util.List;

/**
 * One recording of the lab: it starts daemons in the server namespace, drives clients or attack
 * tools from the client namespace, and says through {@link LabRun#label} what every connection
 * it causes is. The runner has built the namespaces and started the capture before {@link #run}
 * and stops everything after it (also when it throws). To add one, write a class in
 * {@code scenario.normal} or {@code scenario.attack} and list it in {@link Scenarios#all()}.
 */
public interface Scenario {
    /** Lower-case words joined by '-', e.g. {@code scan-nmap-syn}; the command line and the file names use it. */
    String name();

    /** One line for {@code gatewatch lab list}. */
    String summary();

    /** Every program it runs; checked before anything starts, and their versions go to the manifest. */
    List<Tool> tools();

    /**
     * Makes the traffic and declares its truth. Should end within about a minute (two at most);
     * fixes seeds and rates where the tools allow (from {@link LabRun#random()}).
     */
    void run(LabRun lab) throws Exception;

    /**
     * How many seeds ({@code 1..n}) {@code gatewatch lab corpus} records by default: more than one
     * where the seeded choices (timing, order, content, the place of the right password) make
     * recordings differ in what the detector learns from. One for a scenario whose tool does the
     * same thing whatever the seed.
     */
    default int corpusSeeds() {
        return 2;
    }
}
