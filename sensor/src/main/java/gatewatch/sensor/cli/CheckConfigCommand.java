package gatewatch.sensor.cli;

import gatewatch.sensor.config.ConfigException;
import gatewatch.sensor.config.ConfigLoader;
import gatewatch.sensor.config.SensorConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gatewatch check-config FILE} (Suricata's {@code -T}): everything {@code run} checks before
 * it captures — the file, every key, the capture settings and BPF filter, the alert limit, the
 * forwarders, the model and the site baseline — without opening an interface, a socket or a log.
 * Prints {@code FILE: OK} and exits 0, or one line naming the key and exits 2.
 */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = {"Load and validate a configuration as 'run' would, without capturing.",
            "Prints 'FILE: OK' (exit 0), or the error naming the key (exit 2)."})
public final class CheckConfigCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The YAML configuration, e.g. /etc/gatewatch/gatewatch.yaml.")
    Path file;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SensorConfig config;
        try {
            config = new ConfigLoader().load(file);
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
        String where = file + ": ";
        // The interface usually comes from the unit (gatewatch@eth0), so a placeholder stands in for it.
        String iface = config.capture().iface() != null ? config.capture().iface() : "eth0";
        try {
            RunCommand.liveConfig(config.capture(), iface);
        } catch (UsageException e) {
            throw new UsageException(where + e.getMessage());
        }
        if (config.capture().filter() != null) {
            checkFilter(config.capture().filter(), config.capture().snaplen(), where);
        }
        try {
            Models.load(config.detector().model());
        } catch (UsageException e) {
            throw new UsageException(where + "detector.model: " + e.getMessage());
        } catch (UnreadableInputException e) {
            // A refused model file is exit 3 wherever it is named, here too; the key says where.
            throw new UnreadableInputException(where + "detector.model: " + e.getMessage(), e);
        }
        if (config.detector().siteBaseline() != null) {
            try {
                Models.load(config.detector().model(), config.detector().siteBaseline());
            } catch (UsageException e) {
                throw new UsageException(where + "detector.site_baseline: " + e.getMessage());
            } catch (UnreadableInputException e) {
                throw new UnreadableInputException(where + "detector.site_baseline: " + e.getMessage(), e);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(file + ": OK");
        out.flush();
        return ExitCodes.OK;
    }

    /** Compiles the filter for Ethernet, as libpcap will on a typical interface, without opening one. */
    private static void checkFilter(String filter, int snaplen, String where) {
        try (PcapHandle dead = Pcaps.openDead(DataLinkType.EN10MB, snaplen)) {
            BpfProgram program = dead.compileFilter(filter, BpfProgram.BpfCompileMode.OPTIMIZE, PcapHandle.PCAP_NETMASK_UNKNOWN);
            program.free();
        } catch (PcapNativeException e) {
            String reason = String.valueOf(e.getMessage()).replaceFirst("^Error occurred in pcap_compile: ", "");
            throw new UsageException(where + "capture.filter: '" + filter + "' does not compile: " + reason);
        } catch (org.pcap4j.core.NotOpenException e) {
            throw new IllegalStateException("a handle just opened is open", e);
        }
    }
}
