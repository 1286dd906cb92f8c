package gatewatch.sensor.synth.truth;

import gatewatch.features.kdd.ProtocolType;
import gatewatch.sensor.synth.net.Ipv4;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the ground truth as text, one rule a connection (format v1, {@code docs/TRUTH.md}):
 *
 * <pre>
 * # gatewatch truth v1
 * # start end proto orig resp orig_port resp_port category label
 * 1741000000.123456 1741000000.123457 tcp 10.1.1.5 10.1.1.80 49152 21 r2l guess_passwd
 * </pre>
 *
 * <p>Each rule names its connection's exact addresses and ports (ICMP: {@code *}, the record has
 * none) and a start range of the microseconds around the connection's start (the start itself
 * when it falls on a whole microsecond), so that a record whose start was written to the
 * microsecond, as the records log writes it, still falls inside. No two connections with the
 * same addresses and ports start within a microsecond, so every rule holds for exactly one.
 */
public final class TruthFile implements TruthListener, Closeable {
    public static final String HEADER = "# gatewatch truth v1\n# start end proto orig resp orig_port resp_port category label\n";

    private final Writer out;
    private long rules;

    private TruthFile(Writer out) {
        this.out = out;
    }

    /**
     * Creates (or replaces) {@code file} and writes the header and {@code comments}, each a line
     * of its own after {@code #}.
     */
    public static TruthFile create(Path file, String... comments) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        try {
            w.write(HEADER);
            for (String c : comments) {
                w.write("# " + c + "\n");
            }
        } catch (IOException e) {
            w.close();
            throw e;
        }
        return new TruthFile(w);
    }

    @Override
    public void connection(TrueConnection c) throws IOException {
        long floor = Math.floorDiv(c.startNanos(), 1_000L);
        long ceil = -Math.floorDiv(-c.startNanos(), 1_000L);
        boolean icmp = c.protocol() == ProtocolType.ICMP;
        out.write(seconds(floor) + " " + seconds(ceil) + " " + c.protocol().kddName() + " " + Ipv4.format(c.orig()) + " "
                + Ipv4.format(c.resp()) + " " + (icmp ? "*" : c.origPort()) + " " + (icmp ? "*" : c.respPort()) + " "
                + c.kind().category() + " " + c.kind().kddLabel() + "\n");
        rules++;
    }

    /** Rules written so far: one a connection. */
    public long rules() {
        return rules;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Epoch microseconds as decimal seconds with six places. */
    static String seconds(long micros) {
        String fraction = Long.toString(1_000_000L + Math.floorMod(micros, 1_000_000L));
        return Math.floorDiv(micros, 1_000_000L) + "." + fraction.substring(1);
    }
}
