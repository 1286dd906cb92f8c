package gatewatch.features.testing;

import java.io.PrintStream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints every skipped test and its reason on the build's console.
 *
 * <p>Surefire's console reports only "Skipped: 7" for a class; a contributor without
 * {@code ../shared}, root or a tool would not learn which tests did not run, nor why. Registered
 * through {@code META-INF/services}, so every module whose tests see the features test-jar prints
 * its skips: a disabled test (reason of {@code @Disabled} or of a condition) and an aborted one
 * (the message of a failed assumption, e.g. from {@link SharedData#require}).
 */
public final class SkipReporter implements TestExecutionListener {
    // Surefire routes a forked JVM's stdout to the console; stderr lines would be logged as warnings of the fork.
    private final PrintStream out = System.out;

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        report(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            report(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted")
                    .replaceFirst("^Assumption failed: ", "").replaceFirst("^skipped: ", ""));
        }
    }

    private void report(TestIdentifier test, String reason) {
        out.println("[SKIPPED] " + name(test) + ": " + reason);
    }

    private static String name(TestIdentifier test) {
        return test.getSource()
                .filter(MethodSource.class::isInstance)
                .map(s -> (MethodSource) s)
                .map(m -> simple(m.getClassName()) + "." + m.getMethodName()
                        + (test.getDisplayName().startsWith(m.getMethodName()) ? "" : " " + test.getDisplayName()))
                .orElse(test.getDisplayName());
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
