package gatewatch.sensor.cli;

import gatewatch.sensor.capture.CaptureException;
import gatewatch.sensor.capture.CaptureOpenException;
import gatewatch.sensor.capture.PcapFileSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The capture files of a replay's arguments: a file stands for itself; a directory (Suricata's
 * {@code -r DIR}) for the capture files directly in it, in the order of their first packet's
 * time, so that a rotated set ({@code tcpdump -G}, {@code -C}) replays as one stream whatever the
 * names say. A file in the directory that libpcap does not open as a capture is skipped with a
 * one-line note; subdirectories are not entered.
 */
final class CaptureInputs {
    /** A capture of the directory, and the time of its first packet (none: after every other file). */
    private record Candidate(Path file, long firstNanos) {
    }

    private CaptureInputs() {
    }

    static List<Path> expand(List<Path> arguments, PrintWriter notes) {
        List<Path> files = new ArrayList<>();
        for (Path p : arguments) {
            if (Files.isDirectory(p)) {
                files.addAll(directory(p, notes));
            } else {
                files.add(p);
            }
        }
        return files;
    }

    private static List<Path> directory(Path dir, PrintWriter notes) {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UnreadableInputException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        List<Candidate> captures = new ArrayList<>();
        for (Path f : entries) {
            try {
                captures.add(new Candidate(f, firstPacketNanos(f)));
            } catch (CaptureOpenException e) {
                notes.println("gatewatch: " + f + ": skipped, not a capture file");
                notes.flush();
            }
        }
        if (captures.isEmpty()) {
            throw new UnreadableInputException(dir + ": no capture files in this directory", null);
        }
        return captures.stream()
                .sorted(Comparator.comparingLong(Candidate::firstNanos).thenComparing(Candidate::file))
                .map(Candidate::file)
                .toList();
    }

    /** Reads one frame; a file without frames, or damaged before its first, sorts last. */
    private static long firstPacketNanos(Path file) throws CaptureOpenException {
        long[] first = {Long.MAX_VALUE};
        try (PcapFileSource source = PcapFileSource.open(file)) {
            source.run((buf, offset, capLen, wireLen, linkType, tsNanos) -> {
                if (first[0] == Long.MAX_VALUE) {
                    first[0] = tsNanos;
                    source.stop();
                }
            });
        } catch (CaptureOpenException e) {
            throw e;
        } catch (CaptureException e) {
            // Damaged: the replay will read it and report where.
        }
        return first[0];
    }
}
