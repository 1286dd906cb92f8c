package gatewatch.sensor.lab.scenario;

import java.util.List;

/**
 * A program a scenario runs, the Debian package that provides it, and how it tells its version.
 *
 * @param command     the executable's name (looked up on the PATH and in /usr/sbin, /sbin) or an absolute path
 * @param debianPackage the package to name when the program is missing
 * @param versionArgs arguments that make it print its version (the first output line that holds a
 *                    digit is recorded); empty when the program cannot say
 */
public record Tool(String command, String debianPackage, List<String> versionArgs) {
    public Tool {
        versionArgs = List.copyOf(versionArgs);
    }

    public static Tool of(String command, String debianPackage, String... versionArgs) {
        return new Tool(command, debianPackage, List.of(versionArgs));
    }
}
