package gatewatch.synth;

import java.time.Instant;

/**
 * What to synthesize.
 *
 * @param connections connection records in the capture (as the feature extractor counts them)
 * @param mix         their division among the scenarios
 * @param seed        fixes every random choice: the same spec gives the same bytes
 * @param start       time of the first packet
 */
public record SynthSpec(int connections, Mix mix, long seed, Instant start) {
    public static final int DEFAULT_CONNECTIONS = 10_000;
    public static final long DEFAULT_SEED = 1;
    public static final Instant DEFAULT_START = Instant.parse("2025-03-03T09:00:00Z");
    /** pcap stores seconds in 32 unsigned bits. */
    private static final Instant LAST_PCAP_SECOND = Instant.ofEpochSecond(0xffff_ffffL - 100_000_000L);

    public SynthSpec {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, got " + connections);
        }
        if (start.isBefore(Instant.EPOCH) || start.isAfter(LAST_PCAP_SECOND)) {
            throw new IllegalArgumentException("start must lie between 1970 and 2102 (pcap time), got " + start);
        }
    }

    public static SynthSpec defaults() {
        return new SynthSpec(DEFAULT_CONNECTIONS, Mix.DEFAULT, DEFAULT_SEED, DEFAULT_START);
    }

    /** The options of {@code gatewatch synth} that make this capture. */
    public String options() {
        return "--connections " + connections + " --mix " + mix + " --seed " + seed + " --start " + start;
    }

    public SynthSpec withConnections(int n) {
        return new SynthSpec(n, mix, seed, start);
    }

    public SynthSpec withMix(Mix m) {
        return new SynthSpec(connections, m, seed, start);
    }

    public SynthSpec withSeed(long s) {
        return new SynthSpec(connections, mix, s, start);
    }

    public SynthSpec withStart(Instant t) {
        return new SynthSpec(connections, mix, seed, t);
    }
}
