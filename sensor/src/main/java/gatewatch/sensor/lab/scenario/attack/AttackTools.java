package gatewatch.sensor.lab.scenario.attack;

import gatewatch.sensor.lab.scenario.Tool;

/** Attack tools the DoS and probe scenarios share (the framework's common ones are in {@code Tools}). */
public final class AttackTools {
    public static final Tool HPING3 = Tool.of("hping3", "hping3", "--version");
    /** Debian's scapy; the scripts run with Debian's /usr/bin/python3, which imports it. */
    public static final Tool SCAPY = Tool.of("/usr/bin/scapy", "python3-scapy");
    public static final Tool AB = Tool.of("ab", "apache2-utils", "-V");
    public static final Tool WRK = Tool.of("wrk", "wrk", "--version");
    public static final Tool SLOWHTTPTEST = Tool.of("slowhttptest", "slowhttptest", "-h");
    public static final Tool MASSCAN = Tool.of("masscan", "masscan", "--version");

    private AttackTools() {
    }
}
