package gatewatch.sensor.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** A subcommand's own arguments, for the command a model or baseline file records. */
final class OwnArgs {
    private OwnArgs() {
    }

    /** Under {@code gatewatch}, picocli's original arguments start with the subcommand's name. */
    static List<String> of(CommandSpec spec) {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        int at = spec.commandLine().getParent() == null ? -1 : args.indexOf(spec.name());
        return at < 0 ? args : args.subList(at + 1, args.size());
    }
}
