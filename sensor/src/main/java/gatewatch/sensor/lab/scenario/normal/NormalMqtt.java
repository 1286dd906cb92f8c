package gatewatch.sensor.lab.scenario.normal;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * IoT telemetry over MQTT: subscribers that stay connected with a short keep-alive (PINGREQ
 * traffic), sensors that hold one connection and publish a reading every 1-4 s, and one-shot
 * publishes (a connection each, QoS 0 and 1, some retained). All normal.
 */
public final class NormalMqtt implements Scenario {
    static final Tool MOSQUITTO = Tool.of("mosquitto", "mosquitto", "-h");
    static final Tool PUB = Tool.of("mosquitto_pub", "mosquitto-clients", "--help");
    static final Tool SUB = Tool.of("mosquitto_sub", "mosquitto-clients", "--help");
    static final Tool SH = Tool.of("sh", "dash");
    static final int SENSORS = 4;
    static final int READINGS = 8;
    static final int ONE_SHOTS = 8;

    @Override
    public String name() {
        return "normal-mqtt";
    }

    @Override
    public String summary() {
        return "normal: mosquitto, keep-alive subscribers, sensors publishing every 1-4 s, one-shot publishes";
    }

    @Override
    public List<Tool> tools() {
        return List.of(MOSQUITTO, PUB, SUB, Tools.PYTHON, SH);
    }

    @Override
    public void run(LabRun lab) {
        String conf = lab.writeFile("mosquitto.conf", lab.template("mosquitto.conf", Map.of("DIR", lab.workDir().toString(),
                "ADDRESS", lab.net().server()))).toString();
        lab.startServer("mosquitto", List.of(lab.path(MOSQUITTO), "-c", conf));
        lab.awaitTcpListener(1883, Duration.ofSeconds(10));
        lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, lab.net().server()).toPort(1883), TruthCategory.NORMAL, "normal");
        String host = lab.net().server();
        List<Daemon> subs = new ArrayList<>();
        subs.add(lab.startClient("sub-dashboard", List.of(lab.path(SUB), "-h", host, "-i", "dashboard", "-k", "5", "-q", "1",
                "-t", "lab/#", "-v")));
        subs.add(lab.startClient("sub-alarms", List.of(lab.path(SUB), "-h", host, "-i", "alarms", "-k", "10", "-t", "lab/alarm/+")));
        lab.pause(Duration.ofMillis(500), Duration.ofMillis(1500));
        List<Daemon> sensors = new ArrayList<>();
        String lines = LabScripts.python(lab, "paced_lines.py").get(1);
        for (int s = 0; s < SENSORS; s++) {
            // sh pipes the paced readings into one long-lived publisher connection.
            String cmd = lab.path(Tools.PYTHON) + " " + lines + " " + lab.random().nextLong() + " " + READINGS + " 1 4 room" + s
                    + " | " + lab.path(PUB) + " -h " + host + " -i sensor" + s + " -k 30 -q " + (s % 2) + " -t lab/room" + s + "/temp -l";
            sensors.add(lab.startClient("sensor" + s, List.of(lab.path(SH), "-c", cmd)));
            lab.pause(Duration.ofMillis(200), Duration.ofMillis(1500));
        }
        for (int i = 0; i < ONE_SHOTS; i++) {
            List<String> c = new ArrayList<>(List.of(lab.path(PUB), "-h", host, "-q", Integer.toString(i % 2), "-t",
                    i % 3 == 0 ? "lab/alarm/door" : "lab/status/node" + i, "-m", "{\"state\":\"" + (i % 2 == 0 ? "ok" : "open") + "\"}"));
            if (i % 4 == 0) {
                c.add("-r");
            }
            lab.client("pub" + i, Duration.ofSeconds(10), c).requireOk();
            lab.pause(Duration.ofMillis(800), Duration.ofMillis(3000));
        }
        for (Daemon d : sensors) {
            if (!d.await(60)) {
                throw new LabException("an MQTT sensor publisher did not finish in 60 s");
            }
        }
        lab.pause(Duration.ofMillis(1000), Duration.ofMillis(2000));
        for (Daemon d : subs) {
            d.stop();
        }
        lab.report("publisher_connections", SENSORS + ONE_SHOTS);
        lab.report("messages_published", SENSORS * READINGS + ONE_SHOTS);
        lab.report("subscriber_connections", subs.size());
    }
}
