package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@link GatewatchCommand#commandLine(String...)} builds only the subcommand a run names (start-up
 * time), and the run prints and exits exactly as with the whole command line.
 */
class LazySubcommandsTest {
    @Test
    void aRunOfOneSubcommandBuildsOnlyThatOne() {
        assertThat(GatewatchCommand.commandLine("replay", "x.pcap").getSubcommands()).containsOnlyKeys("replay");
        assertThat(GatewatchCommand.commandLine("--version").getSubcommands()).isEmpty();
    }

    @Test
    void helpAndNoSubcommandBuildThemAll() {
        int all = GatewatchCommand.commandLine().getSubcommands().size();
        assertThat(all).isGreaterThan(5);
        assertThat(GatewatchCommand.commandLine().getSubcommands()).containsKeys("replay", "run", "help");
        assertThat(GatewatchCommand.commandLine("help", "replay").getSubcommands()).hasSize(all);
        assertThat(GatewatchCommand.commandLine("--help").getSubcommands()).hasSize(all);
        assertThat(GatewatchCommand.commandLine().getSubcommands()).hasSize(all);
        assertThat(GatewatchCommand.commandLine("no-such-command").getSubcommands()).hasSize(all);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "replay --no-such-option",
        "replay --help",
        "replay",
        "replay --speed never x.pcap",
        "features --help",
        "synth --connections",
        "help replay",
        "--help",
        "no-such-command",
        "",
    })
    void printsAndExitsAsTheWholeCommandLine(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        Run declared = Run.of(Declared.commandLine(), args);
        Run whole = Run.of(GatewatchCommand.commandLine(), args);
        Run lazy = Run.of(GatewatchCommand.commandLine(args), args);
        assertThat(whole).isEqualTo(declared);
        assertThat(lazy).isEqualTo(declared);
        assertThat(declared.out() + declared.err()).isNotEmpty();
    }

    /** The command line as it was before the lazy one: subcommands declared in the annotation. */
    @Command(name = "gatewatch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Network intrusion sensor: KDD Cup 1999 features from packets, scored by an ensemble.",
            subcommands = {
                DemoCommand.class, RunCommand.class, ReplayCommand.class, FeaturesCommand.class, SynthCommand.class,
                TrainCommand.class, LearnCommand.class, EvaluateCommand.class, CheckConfigCommand.class,
                LabCommand.class, CommandLine.HelpCommand.class,
            })
    static final class Declared implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
        }

        static CommandLine commandLine() {
            ExitCodes codes = new ExitCodes();
            CommandLine cl = new CommandLine(new Declared());
            cl.setExitCodeExceptionMapper(codes);
            cl.setExecutionExceptionHandler(codes);
            return cl;
        }
    }

    private record Run(int exitCode, String out, String err) {
        static Run of(CommandLine cl, String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(args);
            return new Run(code, out.toString(), err.toString());
        }
    }
}
