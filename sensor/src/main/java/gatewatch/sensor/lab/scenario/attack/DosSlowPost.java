package gatewatch.sensor.lab.scenario.attack;

import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import java.util.List;

/**
 * Slow POST (R-U-Dead-Yet) with slowhttptest -B: about 300 POSTs to nginx's form handler
 * ({@code /form}, which reads the whole body before answering), each announcing 8 KiB and sending
 * a few bytes every 5 s, held for 30 s. Labelled dos/{@value #LABEL}.
 */
public final class DosSlowPost implements Scenario {
    public static final String LABEL = "slow_post";

    @Override
    public String name() {
        return "dos-slow-post";
    }

    @Override
    public String summary() {
        return "dos/" + LABEL + ": slowhttptest -B, " + SlowHttp.CONNECTIONS + " slow-body POSTs to nginx for "
                + SlowHttp.SECONDS + " s";
    }

    @Override
    public List<Tool> tools() {
        return SlowHttp.tools();
    }

    @Override
    public void run(LabRun lab) {
        SlowHttp.run(lab, "-B", "/form", LABEL);
    }
}
