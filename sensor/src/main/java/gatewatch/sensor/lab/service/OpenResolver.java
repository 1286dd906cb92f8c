package gatewatch.sensor.lab.service;

import gatewatch.sensor.lab.scenario.Daemon;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Tool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * dnsmasq in the server namespace as an open resolver on the server's address, UDP and TCP port
 * 53, answering anyone (the amplifier of a DNS reflection attack). It forwards nowhere; it serves
 * the zone {@value #ZONE} from its configuration, with {@link #BIG_NAME} holding
 * {@value #BIG_RECORDS} TXT records of {@value #TXT_LENGTH} characters (an answer of about 3 KB,
 * larger than one packet), {@code www} an A record. EDNS answers up to 4096 bytes.
 */
public final class OpenResolver {
    public static final Tool DNSMASQ = Tool.of("/usr/sbin/dnsmasq", "dnsmasq-base", "--version");
    public static final String ZONE = "lab.test";
    public static final String BIG_NAME = "big." + ZONE;
    public static final int BIG_RECORDS = 12;
    public static final int TXT_LENGTH = 250;

    private OpenResolver() {
    }

    /** Writes the configuration, starts dnsmasq on the server's address and waits until it listens. */
    public static Daemon start(LabRun lab) {
        return start(lab, List.of(lab.net().server()));
    }

    /** As {@link #start(LabRun)}, listening on each of {@code addresses} (server-namespace addresses): several reflectors. */
    public static Daemon start(LabRun lab, List<String> addresses) {
        Path conf = lab.writeFile("dnsmasq.conf", lab.template("dnsmasq-open.conf", Map.of(
                "ADDRESS", String.join(",", addresses), "DIR", lab.workDir().toString(), "ZONE", ZONE,
                "WWW", lab.net().server(), "TXT_RECORDS", txtRecords(lab.random()))));
        Daemon d = lab.startServer("dnsmasq", List.of(lab.path(DNSMASQ), "--keep-in-foreground", "--log-facility=-",
                "--conf-file=" + conf));
        lab.awaitTcpListener(53, Duration.ofSeconds(10));
        return d;
    }

    /** {@code txt-record=} lines of seeded text for {@link #BIG_NAME}. */
    public static String txtRecords(RandomGenerator rnd) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < BIG_RECORDS; i++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < TXT_LENGTH) {
                text.append((char) ('a' + rnd.nextInt(26)));
            }
            sb.append("txt-record=").append(BIG_NAME).append(",\"v=lab").append(i).append(' ').append(text, 0, TXT_LENGTH - 7)
                    .append("\"\n");
        }
        return sb.toString();
    }
}
