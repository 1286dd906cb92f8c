package gatewatch.sensor.lab.scenario.normal;

import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Tools;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Python helpers of the normal scenarios: resources under {@code lab/templates/}, copied into the run's work directory. */
final class LabScripts {
    private LabScripts() {
    }

    /** Copies the script {@code name} into the work directory and returns the command that runs it with {@code args}. */
    static List<String> python(LabRun lab, String name, String... args) {
        String path = lab.writeFile(name, lab.template(name, Map.of())).toString();
        List<String> c = new ArrayList<>(List.of(lab.path(Tools.PYTHON), path));
        c.addAll(List.of(args));
        return c;
    }

    /** The value after {@code key} on the line of {@code output} that starts with it (e.g. {@code "udp_exchanges 12"}), or -1. */
    static long count(String output, String key) {
        for (String line : output.split("\n")) {
            String[] w = line.strip().split("\\s+");
            for (int i = 0; i + 1 < w.length; i++) {
                if (w[i].equals(key)) {
                    try {
                        return Long.parseLong(w[i + 1]);
                    } catch (NumberFormatException e) {
                        return -1;
                    }
                }
            }
        }
        return -1;
    }
}
