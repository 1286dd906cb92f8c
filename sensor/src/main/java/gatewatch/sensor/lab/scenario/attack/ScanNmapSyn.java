package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import gatewatch.sensor.lab.service.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An nmap SYN scan of ports 1-1000 of the server (nginx listens on 80 and 443). Labelled
 * probe/portsweep: one source, one destination host, many ports is what KDD's portsweep records
 * are (docs/LAB.md says why not nmap). No host discovery (-Pn), no DNS (-n), ports in order (-r),
 * at most one retransmission: every probe connection belongs to the scan.
 */
public final class ScanNmapSyn implements Scenario {
    /** The ports scanned. */
    public static final String PORTS = "1-1000";
    public static final int MAX_RETRIES = 1;
    private static final Pattern NUM_SERVICES = Pattern.compile("numservices=\"(\\d+)\"");
    private static final Pattern OPEN = Pattern.compile("<state state=\"open\"");

    @Override
    public String name() {
        return "scan-nmap-syn";
    }

    @Override
    public String summary() {
        return "probe/portsweep: nmap -sS of ports " + PORTS + " on the server (nginx open on 80, 443)";
    }

    @Override
    public List<Tool> tools() {
        List<Tool> t = new ArrayList<>(WebServer.TOOLS);
        t.add(Tools.NMAP);
        return t;
    }

    @Override
    public void run(LabRun lab) throws Exception {
        WebServer.start(lab);
        lab.label(FlowPattern.of(Proto.TCP, lab.net().client(), lab.net().server()), TruthCategory.PROBE, "portsweep");
        lab.pause(Duration.ofMillis(200), Duration.ofMillis(1000));
        Path xml = lab.workDir().resolve("nmap.xml");
        lab.client("nmap", Duration.ofSeconds(90), List.of(lab.path(Tools.NMAP), "-sS", "-Pn", "-n", "-r",
                "--max-retries", Integer.toString(MAX_RETRIES), "-T4", "-p", PORTS, "-oX", xml.toString(),
                lab.net().server())).requireOk();
        String report = Files.readString(xml);
        Matcher m = NUM_SERVICES.matcher(report);
        if (!m.find()) {
            throw new LabException("nmap's XML report " + xml + " names no numservices");
        }
        lab.report("ports_tried", Long.parseLong(m.group(1)));
        lab.report("max_retries", MAX_RETRIES);
        lab.report("ports_open", OPEN.matcher(report).results().count());
    }
}
