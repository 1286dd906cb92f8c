package gatewatch.sensor.lab.scenario.attack;

import gatewatch.sensor.lab.scenario.Tool;

/** Attack tools the DoS and probe scenarios share (the framework's common ones are in {@code Tools}). */
public final class AttackTools {
    public static final Tool HPING3 = Tool.of("hping3", "hping3", "--version");
    public static final Tool AB = Tool.of("ab", "apache2-utils", "-V");
    public static final Tool WRK = Tool.of("wrk", "wrk", "--version");
    public static final Tool SLOWHTTPTEST = Tool.of("slowhttptest", "slowhttptest", "-h");
    public static final Tool MASSCAN = Tool.of("masscan", "masscan", "--version");

    private AttackTools() {
    }
}
