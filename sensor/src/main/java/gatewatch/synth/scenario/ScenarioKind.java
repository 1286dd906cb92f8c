package gatewatch.synth.scenario;

import java.util.Arrays;
import java.util.Optional;

/**
 * The scenarios a capture can mix, each with its name in {@code --mix}, the KDD label its
 * records imitate and that label's category.
 */
public enum ScenarioKind {
    NORMAL("normal", "normal", "normal"),
    NEPTUNE("neptune", "neptune", "dos"),
    PORTSWEEP("portsweep", "portsweep", "probe"),
    IPSWEEP("ipsweep", "ipsweep", "probe"),
    SMURF("smurf", "smurf", "dos"),
    /** Password guessing over telnet, as every guess_passwd record of the KDD data is. */
    GUESS_PASSWD("guess_passwd", "guess_passwd", "r2l"),
    /** Password guessing against FTP: the same attack on another login service. */
    GUESS_PASSWD_FTP("guess_passwd_ftp", "guess_passwd", "r2l");

    private final String mixName;
    private final String kddLabel;
    private final String category;

    ScenarioKind(String mixName, String kddLabel, String category) {
        this.mixName = mixName;
        this.kddLabel = kddLabel;
        this.category = category;
    }

    /** The name in {@code --mix} and in reports. */
    public String mixName() {
        return mixName;
    }

    /** The KDD label of the records this scenario imitates. */
    public String kddLabel() {
        return kddLabel;
    }

    /** {@code normal}, or the KDD category of the attack: dos, probe, r2l. */
    public String category() {
        return category;
    }

    public boolean isAttack() {
        return this != NORMAL;
    }

    public static Optional<ScenarioKind> byMixName(String name) {
        return Arrays.stream(values()).filter(k -> k.mixName.equals(name)).findFirst();
    }

    /** The scenario that makes this kind's traffic. */
    public Scenario scenario() {
        return switch (this) {
            case NORMAL -> new NormalTraffic();
            case NEPTUNE -> new SynFlood();
            case PORTSWEEP -> new PortScan();
            case IPSWEEP -> new PingSweep();
            case SMURF -> new SmurfFlood();
            case GUESS_PASSWD -> new TelnetGuessing();
            case GUESS_PASSWD_FTP -> new FtpGuessing();
        };
    }
}
