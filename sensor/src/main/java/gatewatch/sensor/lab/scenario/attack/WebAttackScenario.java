package gatewatch.sensor.lab.scenario.attack;

import gatewatch.features.truth.FlowPattern;
import gatewatch.features.truth.Proto;
import gatewatch.features.truth.TruthCategory;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.LabRun;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.service.VulnWebApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The frame of the attacks on {@link VulnWebApp}: the attacker is the client's main address,
 * customers visit from aliases before and after the attack. Every
 * connection from the attacker to port 80 is the attack; every other one from the client side is
 * a customer's, normal.
 */
abstract class WebAttackScenario implements Scenario {
    private final TruthCategory category;
    private final String label;

    WebAttackScenario(TruthCategory category, String label) {
        this.category = category;
        this.label = label;
    }

    /** The attack tool(s) besides the application's. */
    abstract List<Tool> attackTools();

    /** Runs the attack from {@code attacker} and reports the tool's counts. */
    abstract void attack(LabRun lab, VulnWebApp app, String attacker) throws Exception;

    @Override
    public final List<Tool> tools() {
        List<Tool> t = new ArrayList<>(VulnWebApp.TOOLS);
        t.addAll(attackTools());
        return t;
    }

    @Override
    public final void run(LabRun lab) throws Exception {
        VulnWebApp app = VulnWebApp.start(lab);
        String attacker = lab.net().client();
        lab.label(FlowPattern.of(Proto.TCP, attacker, lab.net().server()).toPort(80), category, label);
        lab.label(FlowPattern.of(Proto.TCP, Topology.CLIENT_NET, lab.net().server()).toPort(80), TruthCategory.NORMAL, "normal");
        for (int i = 0; i < 2; i++) {
            VulnWebApp.customerVisit(lab, "customer" + i, lab.net().clientAlias(20 + i));
            lab.pause(Duration.ofMillis(300), Duration.ofMillis(1200));
        }
        attack(lab, app, attacker);
        for (int i = 2; i < 4; i++) {
            lab.pause(Duration.ofMillis(300), Duration.ofMillis(1200));
            VulnWebApp.customerVisit(lab, "customer" + i, lab.net().clientAlias(20 + i));
        }
        long[] served = app.served(attacker);
        lab.report("server_requests", served[0]);
        lab.report("server_connections", served[1]);
    }
}
