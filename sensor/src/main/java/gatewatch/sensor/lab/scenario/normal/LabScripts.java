package gatewatch.sensor.lab.scenario.normal;

import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Python helpers of the normal scenarios: resources under {@code lab/templates/}, copied into the run's work directory. */
final class LabScripts {
    private LabScripts() {
    }

    /** Copies the script {@code name} into the work directory and returns the command that runs it with {@code args}. */
    static List<String> python(LabRun lab, String name, String... args) {
        String path = script(lab, name);
        List<String> c = new ArrayList<>(List.of(lab.path(Tools.PYTHON), path));
        c.addAll(List.of(args));
        return c;
    }

    /** Written once per run: pieces of {@link NormalMix} in parallel must not rewrite a script another is starting. */
    private static synchronized String script(LabRun lab, String name) {
        Path p = lab.workDir().resolve(name);
        return Files.exists(p) ? p.toString() : lab.writeFile(name, lab.template(name, Map.of())).toString();
    }

    /**
     * Keeps the server namespace's name lookups off the wire: daemons that look up their peers
     * (telnetd always does) find the lab's addresses in /etc/hosts, and anything else asks a
     * resolver on loopback that is not there, instead of the host's resolver beyond the gateway
     * (a query that would cross the capture unlabelled).
     */
    static void localNames(LabRun lab) {
        StringBuilder hosts = new StringBuilder("127.0.0.1 localhost\n");
        hosts.append(lab.net().client()).append(" client.lab.test client\n");
        for (int i = 0; i < Topology.CLIENT_ALIASES; i++) {
            hosts.append(lab.net().clientAlias(i)).append(" client").append(i).append(".lab.test\n");
        }
        hosts.append(lab.net().server()).append(" server.lab.test server\n");
        lab.serverEtcFile("hosts", hosts.toString());
        lab.serverEtcFile("resolv.conf", "nameserver 127.0.0.1\n");
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
