package gatewatch.sensor.lab.scenario.attack;

import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import java.util.List;

/**
 * Slowloris with slowhttptest -H: about 300 connections to nginx, each sending an unfinished
 * request header and one more header line every 5 s, held for 30 s. Labelled dos/{@value #LABEL}
 * (no KDD name fits: KDD has no connection-exhaustion attack on a web server).
 */
public final class DosSlowloris implements Scenario {
    public static final String LABEL = "slowloris";

    @Override
    public String name() {
        return "dos-slowloris";
    }

    @Override
    public String summary() {
        return "dos/" + LABEL + ": slowhttptest -H, " + SlowHttp.CONNECTIONS + " slow-header connections to nginx for "
                + SlowHttp.SECONDS + " s";
    }

    @Override
    public List<Tool> tools() {
        return SlowHttp.tools();
    }

    @Override
    public void run(LabRun lab) {
        SlowHttp.run(lab, "-H", "/", LABEL);
    }
}
