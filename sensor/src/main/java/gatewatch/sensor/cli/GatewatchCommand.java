package gatewatch.sensor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The parent command: {@code gatewatch <subcommand>}. */
@Command(
        name = "gatewatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Network intrusion sensor: KDD Cup 1999 features from packets, scored by an ensemble.",
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            ReplayCommand.class,
            FeaturesCommand.class,
            SynthCommand.class,
            TrainCommand.class,
            LearnCommand.class,
            EvaluateCommand.class,
            CheckConfigCommand.class,
            LabCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class GatewatchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** The configured command line: exit codes and error printing as {@link ExitCodes} says. */
    public static CommandLine commandLine() {
        ExitCodes codes = new ExitCodes();
        CommandLine cl = new CommandLine(new GatewatchCommand());
        cl.setExitCodeExceptionMapper(codes);
        cl.setExecutionExceptionHandler(codes);
        return cl;
    }
}
