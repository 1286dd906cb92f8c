package gatewatch.features.decode;

import gatewatch.features.testing.CaptureFiles;
import gatewatch.features.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * The decode outcome of one capture in the terms of {@code malformed-expected.csv}, and the
 * program that wrote that table once (its rows were then checked by hand, see the table's header):
 * <pre>
 * java -cp features/target/classes:features/target/test-classes gatewatch.features.decode.MalformedTable
 * </pre>
 */
final class MalformedTable {
    static final String HEADER = "file,frames,packets,skipped,malformed,fragments,damaged_at";

    private MalformedTable() {
    }

    /** What decoding {@code file} from start to end gives, as a row of the table. */
    record Outcome(String file, int frames, long packets, String skipped, String malformed, String fragments,
                   String damagedAt) {
        String row() {
            return String.join(",", file, Integer.toString(frames), Long.toString(packets), skipped, malformed,
                    fragments, damagedAt);
        }
    }

    static Outcome decode(Path file) {
        DecodeCounters counters = new DecodeCounters();
        FrameDecoder decoder = new FrameDecoder(counters);
        PacketView v = new PacketView();
        int[] frames = {0};
        String damagedAt = "-";
        try {
            CaptureFiles.read(file, (b, off, capLen, wireLen, linkType, ts) -> {
                frames[0]++;
                decoder.decode(b, off, capLen, wireLen, linkType, ts, v);
            });
        } catch (CaptureFiles.DamagedCaptureException e) {
            damagedAt = Long.toString(e.offset());
        } catch (IOException e) {
            damagedAt = "unreadable";
        }
        decoder.flushFragments();
        StringJoiner skipped = new StringJoiner(";");
        for (SkipReason r : SkipReason.values()) {
            if (counters.skipped(r) > 0) {
                skipped.add(r.counterName() + "=" + counters.skipped(r));
            }
        }
        StringJoiner malformed = new StringJoiner(";");
        for (MalformedReason r : MalformedReason.values()) {
            if (counters.malformed(r) > 0) {
                malformed.add(r.counterName() + "=" + counters.malformed(r));
            }
        }
        StringJoiner fragments = new StringJoiner(";");
        for (FragmentCounter c : FragmentCounter.values()) {
            if (counters.fragments(c) > 0) {
                fragments.add(c.counterName() + "=" + counters.fragments(c));
            }
        }
        return new Outcome(file.getFileName().toString(), frames[0], counters.packets(), orDash(skipped),
                orDash(malformed), orDash(fragments), damagedAt);
    }

    private static String orDash(StringJoiner j) {
        return j.length() == 0 ? "-" : j.toString();
    }

    static List<Path> captures() throws IOException {
        try (Stream<Path> list = Files.list(SharedData.root().resolve("pcaps/malformed"))) {
            return list.sorted().toList();
        }
    }

    public static void main(String[] args) throws IOException {
        System.out.println(HEADER);
        for (Path p : captures()) {
            System.out.println(decode(p).row());
        }
    }
}
