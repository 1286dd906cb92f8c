package gatewatch.sensor.cli;

import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The parent command: {@code gatewatch <subcommand>}. */
@Command(
        name = "gatewatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Network intrusion sensor: KDD Cup 1999 features from packets, scored by an ensemble.")
public final class GatewatchCommand implements Runnable {
    /** The subcommands, in the order the usage lists them. */
    private static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand("demo", DemoCommand::new),
            new Subcommand("run", RunCommand::new),
            new Subcommand("replay", ReplayCommand::new),
            new Subcommand("features", FeaturesCommand::new),
            new Subcommand("synth", SynthCommand::new),
            new Subcommand("train", TrainCommand::new),
            new Subcommand("learn", LearnCommand::new),
            new Subcommand("evaluate", EvaluateCommand::new),
            new Subcommand("check-config", CheckConfigCommand::new),
            new Subcommand("lab", LabCommand::new),
            new Subcommand("help", CommandLine.HelpCommand::new));

    /** A subcommand by the name its own {@code @Command} gives it. */
    private record Subcommand(String name, Supplier<Object> command) {
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** The configured command line with every subcommand: exit codes and error printing as {@link ExitCodes} says. */
    public static CommandLine commandLine() {
        return configured(SUBCOMMANDS);
    }

    /**
     * The command line for running {@code args}: with only the subcommand that {@code args} names
     * (none for {@code --version}), else with all of them. Picocli builds its model of a command by
     * reflection over every option of every subcommand; building the ten that a run does not use
     * was half of the start-up of {@code gatewatch replay} (BENCHMARKS.md, "Start-up"). What the
     * run prints (usage, errors, exit codes) is the same either way.
     */
    public static CommandLine commandLine(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return configured(List.of());
        }
        if (args.length > 0 && !args[0].equals("help")) {
            for (Subcommand sub : SUBCOMMANDS) {
                if (sub.name().equals(args[0])) {
                    return configured(List.of(sub));
                }
            }
        }
        return commandLine();
    }

    private static CommandLine configured(List<Subcommand> subcommands) {
        CommandLine cl = new CommandLine(new GatewatchCommand());
        // Before the handlers: picocli hands its settings only to the subcommands it has then.
        for (Subcommand sub : subcommands) {
            cl.addSubcommand(sub.name(), sub.command().get());
        }
        ExitCodes codes = new ExitCodes();
        cl.setExitCodeExceptionMapper(codes);
        cl.setExecutionExceptionHandler(codes);
        return cl;
    }
}
