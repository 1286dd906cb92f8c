package gatewatch.sensor.lab.run;

import gatewatch.sensor.lab.net.Namespaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code gatewatch lab clean}: removes what killed lab runs left behind (namespaces with their
 * processes, /etc/netns entries, work directories). A run is named {@code gwlab-<pid>-}; the
 * leftovers of a process that still runs are kept unless forced, so a concurrent run is safe.
 */
public final class Cleaner {
    private static final Pattern RUN = Pattern.compile(Pattern.quote(Recorder.PREFIX) + "(\\d+)-.*");

    private Cleaner() {
    }

    /** Removes the leftovers and returns what it removed. */
    public static List<String> clean(boolean force) {
        List<String> removed = new ArrayList<>();
        for (String ns : Namespaces.existing(Recorder.PREFIX)) {
            if (force || !runs(ns)) {
                Namespaces.remove(ns);
                removed.add("namespace " + ns);
            }
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> s = Files.list(tmp)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(Recorder.PREFIX)).toList()) {
                if (Files.isDirectory(p) && (force || !runs(p.getFileName().toString()))) {
                    WorkDirs.delete(p);
                    removed.add("work directory " + p);
                }
            }
        } catch (IOException e) {
            // No readable temp directory: nothing of ours there.
        }
        return removed;
    }

    /** Whether the process that named {@code name} still runs. */
    private static boolean runs(String name) {
        Matcher m = RUN.matcher(name);
        return m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false);
    }
}
