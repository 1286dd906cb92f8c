package gatewatch.sensor.lab.run;

import gatewatch.sensor.lab.Exec;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.scenario.Tool;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the programs a scenario needs and asks each for its version, before anything starts. */
final class ToolCheck {
    private ToolCheck() {
    }

    /** A found tool: its path and its version line ("" when it cannot tell). */
    record Found(String path, String version) {
    }

    /**
     * Resolves every tool.
     *
     * @throws LabException naming every missing program and the Debian packages to install
     */
    static Map<Tool, Found> check(String scenario, List<Tool> tools) {
        Map<Tool, Found> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        Set<String> packages = new LinkedHashSet<>();
        for (Tool t : tools) {
            Path p = resolve(t.command());
            if (p == null) {
                missing.add(t.command());
                packages.add(t.debianPackage());
            } else {
                found.put(t, new Found(p.toString(), version(p, t)));
            }
        }
        if (!missing.isEmpty()) {
            throw new LabException("scenario " + scenario + " needs " + String.join(", ", missing)
                    + ", not found; install the Debian package" + (packages.size() > 1 ? "s " : " ")
                    + String.join(" ", packages) + " (apt-get install " + String.join(" ", packages) + ")");
        }
        return found;
    }

    static Path resolve(String command) {
        if (command.startsWith("/")) {
            Path p = Path.of(command);
            return Files.isExecutable(p) ? p : null;
        }
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        // sbin is not on every user's PATH, but root runs the lab and the daemons live there.
        dirs.addAll(List.of("/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        for (String d : dirs) {
            if (!d.isEmpty()) {
                Path p = Path.of(d, command);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static String version(Path path, Tool t) {
        if (t.versionArgs().isEmpty()) {
            return "";
        }
        List<String> c = new ArrayList<>();
        c.add(path.toString());
        c.addAll(t.versionArgs());
        String out = Exec.quick(c.toArray(String[]::new)).output();
        return out.lines().map(String::strip).filter(l -> l.matches(".*\\d.*")).findFirst()
                .map(l -> l.length() > 160 ? l.substring(0, 160) : l).orElse("");
    }
}
