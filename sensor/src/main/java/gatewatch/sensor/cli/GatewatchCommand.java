package gatewatch.sensor.cli;

import java.util.List;
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
            new Subcommand("demo", DemoCommand.class),
            new Subcommand("run", RunCommand.class),
            new Subcommand("replay", ReplayCommand.class),
            new Subcommand("features", FeaturesCommand.class),
            new Subcommand("synth", SynthCommand.class),
            new Subcommand("train", TrainCommand.class),
            new Subcommand("learn", LearnCommand.class),
            new Subcommand("evaluate", EvaluateCommand.class),
            new Subcommand("check-config", CheckConfigCommand.class),
            new Subcommand("lab", LabCommand.class),
            new Subcommand("help", CommandLine.HelpCommand.class));

    /**
     * A subcommand by the name its own {@code @Command} gives it. A class, which picocli
     * instantiates, not a constructor reference: the JDK 25 AOT cache (see ./gatewatch) fails to
     * be written when a resolved lambda names a class it cannot archive, such as picocli's (Java 5
     * bytecode).
     */
    private record Subcommand(String name, Class<?> command) {
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
     * is a large part of a short run's start-up (BENCHMARKS.md, "Start-up"). What the
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
            cl.addSubcommand(sub.name(), sub.command());
        }
        ExitCodes codes = new ExitCodes();
        cl.setExitCodeExceptionMapper(codes);
        cl.setExecutionExceptionHandler(codes);
        return cl;
    }
}
