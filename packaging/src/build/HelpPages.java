import gatewatch.sensor.cli.GatewatchCommand;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Prints the --help of gatewatch and of every subcommand (but "help"), each after a line
 * "@@ gatewatch [SUBCOMMAND]", in one JVM; manpage.sh turns the output into the manual's
 * COMMANDS section. Run as a single-file program with the application's classpath.
 */
public final class HelpPages {
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        CommandLine top = GatewatchCommand.commandLine();
        out.println("@@ gatewatch");
        top.usage(out);
        top.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                out.println("@@ gatewatch " + name);
                sub.usage(out);
            }
        });
    }
}
