package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Logging is set up in code (no XML to read at start), as the logback.xml it replaces did. */
class StderrLoggingTest {
    @Test
    void logbackFindsItAsAServiceAndNoXmlIsBundled() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(p -> p.type().getName()))
                .contains(StderrLogging.class.getName());
        assertThat(StderrLogging.class.getClassLoader().getResource("logback.xml")).isNull();
    }

    @Test
    void rootWritesToStderrWithTheTimestampedPatternAndLibrariesOnlyWarn() {
        LoggerContext context = new LoggerContext();
        StderrLogging logging = new StderrLogging();
        logging.setContext(context);
        assertThat(logging.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class, a -> {
            assertThat(a.getTarget()).isEqualTo("System.err");
            assertThat(a.isStarted()).isTrue();
            assertThat(((PatternLayoutEncoder) a.getEncoder()).getPattern())
                    .isEqualTo("%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level %logger{20} - %msg%n");
        });
        for (String library : new String[] {"smile", "io.netty", "org.pcap4j"}) {
            assertThat(context.getLogger(library).getLevel()).as(library).isEqualTo(Level.WARN);
        }
        assertThat(context.getLogger("gatewatch.sensor.cli.Signals").getEffectiveLevel())
                .isEqualTo(StderrLogging.level(System.getenv("GATEWATCH_LOG_LEVEL")));
    }

    @Test
    void theLevelComesFromGatewatchLogLevelAndDefaultsToInfo() {
        assertThat(StderrLogging.level(null)).isEqualTo(Level.INFO);
        assertThat(StderrLogging.level("debug")).isEqualTo(Level.DEBUG);
        assertThat(StderrLogging.level("WARN")).isEqualTo(Level.WARN);
        assertThat(StderrLogging.level("loud")).isEqualTo(Level.INFO);
    }
}
