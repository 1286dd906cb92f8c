package gatewatch.sensor.lab.scenario;

import gatewatch.sensor.lab.scenario.attack.BruteforceFtpMedusa;
import gatewatch.sensor.lab.scenario.attack.BruteforceMailHydra;
import gatewatch.sensor.lab.scenario.attack.BruteforceSmtpHydra;
import gatewatch.sensor.lab.scenario.attack.BruteforceSshDistributed;
import gatewatch.sensor.lab.scenario.attack.BruteforceSshHydra;
import gatewatch.sensor.lab.scenario.attack.BruteforceSshMedusa;
import gatewatch.sensor.lab.scenario.attack.BruteforceTelnetNcrack;
import gatewatch.sensor.lab.scenario.attack.DosDhcpStarvation;
import gatewatch.sensor.lab.scenario.attack.DosDnsAmplification;
import gatewatch.sensor.lab.scenario.attack.DosFragments;
import gatewatch.sensor.lab.scenario.attack.DosHttpFlood;
import gatewatch.sensor.lab.scenario.attack.DosHttpFloodBots;
import gatewatch.sensor.lab.scenario.attack.DosIcmpFlood;
import gatewatch.sensor.lab.scenario.attack.DosLand;
import gatewatch.sensor.lab.scenario.attack.DosSlowHttp;
import gatewatch.sensor.lab.scenario.attack.DosSmurf;
import gatewatch.sensor.lab.scenario.attack.DosSynFlood;
import gatewatch.sensor.lab.scenario.attack.DosSynackReflection;
import gatewatch.sensor.lab.scenario.attack.DosUdpFlood;
import gatewatch.sensor.lab.scenario.attack.DosUdpReflection;
import gatewatch.sensor.lab.scenario.attack.R2lCommandInjection;
import gatewatch.sensor.lab.scenario.attack.R2lHttpGuess;
import gatewatch.sensor.lab.scenario.attack.R2lSqlInjection;
import gatewatch.sensor.lab.scenario.attack.R2lSqlInjectionForms;
import gatewatch.sensor.lab.scenario.attack.ScanMasscan;
import gatewatch.sensor.lab.scenario.attack.ScanNmap;
import gatewatch.sensor.lab.scenario.attack.ScanNmapFiltered;
import gatewatch.sensor.lab.scenario.attack.ScanNmapSyn;
import gatewatch.sensor.lab.scenario.attack.ScanTcpSweep;
import gatewatch.sensor.lab.scenario.normal.NormalApiPolling;
import gatewatch.sensor.lab.scenario.normal.NormalBulk;
import gatewatch.sensor.lab.scenario.normal.NormalDhcp;
import gatewatch.sensor.lab.scenario.normal.NormalDns;
import gatewatch.sensor.lab.scenario.normal.NormalFtp;
import gatewatch.sensor.lab.scenario.normal.NormalMail;
import gatewatch.sensor.lab.scenario.normal.NormalMix;
import gatewatch.sensor.lab.scenario.normal.NormalMonitoring;
import gatewatch.sensor.lab.scenario.normal.NormalMqtt;
import gatewatch.sensor.lab.scenario.normal.NormalNtp;
import gatewatch.sensor.lab.scenario.normal.NormalP2p;
import gatewatch.sensor.lab.scenario.normal.NormalPing;
import gatewatch.sensor.lab.scenario.normal.NormalPop3;
import gatewatch.sensor.lab.scenario.normal.NormalRtp;
import gatewatch.sensor.lab.scenario.normal.NormalSsh;
import gatewatch.sensor.lab.scenario.normal.NormalTelnet;
import gatewatch.sensor.lab.scenario.normal.NormalWeb;
import gatewatch.sensor.lab.scenario.normal.NormalWebAssets;
import java.util.List;

/** Every scenario of {@code gatewatch lab}, in the order {@code lab list} and {@code lab record --all} use. */
public final class Scenarios {
    private Scenarios() {
    }

    /** Add a new scenario here (one line), normal ones first. */
    public static List<Scenario> all() {
        return List.of(
                new NormalWeb(),
                new NormalSsh(),
                new NormalP2p(),
                new NormalRtp(),
                new NormalPing(),
                new NormalDns(),
                new NormalMail(),
                new NormalPop3(),
                new NormalFtp(),
                new NormalTelnet(),
                new NormalMqtt(),
                new NormalNtp(),
                new NormalBulk(),
                new NormalMix(),
                new NormalWebAssets(),
                new NormalMonitoring(),
                new NormalApiPolling(),
                new NormalDhcp(),
                new ScanNmapSyn(),
                new BruteforceSshHydra(),
                new BruteforceSshMedusa(),
                new BruteforceSshDistributed(),
                new DosSynFlood(),
                new DosIcmpFlood(),
                new DosSmurf(),
                new DosHttpFlood(),
                new DosHttpFloodBots(),
                DosSlowHttp.slowloris(),
                DosSlowHttp.slowPost(),
                new DosSynackReflection(),
                new DosDnsAmplification(),
                new DosUdpFlood(),
                new DosUdpReflection(),
                new DosDhcpStarvation(),
                new DosLand(),
                DosFragments.pingOfDeath(),
                DosFragments.teardrop(),
                ScanNmap.connect(),
                ScanNmap.ack(),
                ScanNmap.finXmasNull(),
                ScanNmap.udp(),
                ScanNmap.os(),
                ScanNmap.version(),
                ScanNmap.aggressive(),
                ScanNmap.pingSweeps(),
                new ScanTcpSweep(),
                new ScanMasscan(),
                new ScanNmapFiltered(),
                new BruteforceFtpMedusa(),
                new BruteforceSmtpHydra(),
                BruteforceMailHydra.pop3(),
                BruteforceMailHydra.imap(),
                new BruteforceTelnetNcrack(),
                new R2lCommandInjection(),
                new R2lSqlInjection(),
                new R2lSqlInjectionForms(),
                new R2lHttpGuess());
    }

    /** The scenario called {@code name}, or null. */
    public static Scenario byName(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }
}
