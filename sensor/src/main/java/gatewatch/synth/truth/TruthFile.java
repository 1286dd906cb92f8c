package gatewatch.synth.truth;

import gatewatch.features.kdd.ProtocolType;
import gatewatch.features.truth.AddressBlock;
import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.PortRange;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.features.truth.TruthRule;
import gatewatch.synth.net.Ipv4;
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
 *
 * <p>The lines come from the features module's {@link TruthRule#toLine()}, the one writer of the
 * format; this class only streams them, one connection at a time.
 */
public final class TruthFile implements TruthListener, Closeable {
    public static final String HEADER = gatewatch.features.truth.TruthFile.MAGIC + "\n"
            + gatewatch.features.truth.TruthFile.COLUMNS + "\n";

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
        out.write(rule(c).toLine());
        out.write('\n');
        rules++;
    }

    /** The rule that holds for {@code c} alone. */
    static TruthRule rule(TrueConnection c) {
        long floor = Math.floorDiv(c.startNanos(), 1_000L);
        long ceil = -Math.floorDiv(-c.startNanos(), 1_000L);
        boolean icmp = c.protocol() == ProtocolType.ICMP;
        Proto proto = switch (c.protocol()) {
            case TCP -> Proto.TCP;
            case UDP -> Proto.UDP;
            case ICMP -> Proto.ICMP;
        };
        FlowPattern flow = new FlowPattern(proto, AddressBlock.parse(Ipv4.format(c.orig())), AddressBlock.parse(Ipv4.format(c.resp())),
                icmp ? PortRange.ANY : PortRange.of(c.origPort()), icmp ? PortRange.ANY : PortRange.of(c.respPort()), false);
        return new TruthRule(floor * 1_000L, ceil * 1_000L, flow, TruthCategory.ofExternalName(c.kind().category()),
                c.kind().kddLabel());
    }

    /** Rules written so far: one a connection. */
    public long rules() {
        return rules;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
