package gatewatch.sensor.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Pairs captures with their truth: by order when truth files are given, else by name (the truth
 * beside the capture, {@code X.truth} for {@code X.pcap}). A directory, as {@code gatewatch lab
 * record} writes one, stands for its {@code *.pcap} and {@code *.pcapng} files in name order, each
 * with the truth beside it.
 */
public final class CapturePairs {
    private CapturePairs() {
    }

    /**
     * @throws IllegalArgumentException for a usage error (counts that differ, a directory with
     *     truth files given, a capture without a truth beside it); the message says which
     */
    public static List<LabelledCapture> pair(List<Path> captures, List<Path> truths) {
        List<LabelledCapture> out = new ArrayList<>();
        if (truths != null && !truths.isEmpty()) {
            for (Path c : captures) {
                if (Files.isDirectory(c)) {
                    throw new IllegalArgumentException("--capture " + c + " is a directory: its captures pair with the .truth"
                            + " files beside them, so leave out --truth");
                }
            }
            if (captures.size() != truths.size()) {
                throw new IllegalArgumentException("--truth pairs with --capture by order: " + captures.size()
                        + " captures but " + truths.size() + " truth files");
            }
            for (int i = 0; i < captures.size(); i++) {
                out.add(new LabelledCapture(captures.get(i), List.of(truths.get(i))));
            }
            return out;
        }
        for (Path c : captures) {
            for (Path file : Files.isDirectory(c) ? capturesIn(c) : List.of(c)) {
                out.add(new LabelledCapture(file, List.of(besideTruth(file))));
            }
        }
        return out;
    }

    /** {@code X.truth} for {@code X.pcap} (or {@code X.pcap.truth}), which must exist. */
    static Path besideTruth(Path capture) {
        String name = capture.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path stripped = capture.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".truth");
        if (Files.isRegularFile(stripped)) {
            return stripped;
        }
        Path appended = capture.resolveSibling(name + ".truth");
        if (Files.isRegularFile(appended)) {
            return appended;
        }
        throw new IllegalArgumentException("no truth for " + capture + ": expected " + stripped
                + " beside it, or give --truth FILE for each --capture");
    }

    private static List<Path> capturesIn(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".pcap") || f.getFileName().toString().endsWith(".pcapng"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new EvaluationInputException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no .pcap or .pcapng files in this directory");
        }
        return files;
    }
}
