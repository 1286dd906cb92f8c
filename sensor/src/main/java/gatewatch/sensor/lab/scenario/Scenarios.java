package gatewatch.sensor.lab.scenario;

import gatewatch.sensor.lab.scenario.attack.BruteforceFtpMedusa;
import gatewatch.sensor.lab.scenario.attack.BruteforceSmtpHydra;
import gatewatch.sensor.lab.scenario.attack.R2lCommandInjection;
import gatewatch.sensor.lab.scenario.attack.R2lHttpGuess;
import gatewatch.sensor.lab.scenario.attack.R2lSqlInjection;
import gatewatch.sensor.lab.scenario.attack.ScanNmapSyn;
import gatewatch.sensor.lab.scenario.normal.NormalWeb;
import java.util.List;

/** Every scenario of {@code gatewatch lab}, in the order {@code lab list} and {@code lab record --all} use. */
public final class Scenarios {
    private Scenarios() {
    }

    /** Add a new scenario here (one line), normal ones first. */
    public static List<Scenario> all() {
        return List.of(
                new NormalWeb(),
                new ScanNmapSyn(),
                new BruteforceFtpMedusa(),
                new BruteforceSmtpHydra(),
                new R2lCommandInjection(),
                new R2lSqlInjection(),
                new R2lHttpGuess());
    }

    /** The scenario called {@code name}, or null. */
    public static Scenario byName(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }
}
