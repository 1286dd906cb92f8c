package gatewatch.sensor.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;

/**
 * gatewatch's logging, set up in code: logs are for state changes (start, stop, reconnect,
 * rotation), on stderr so that stdout stays clean for records and alerts (journald picks stderr
 * up under systemd); level {@code GATEWATCH_LOG_LEVEL} (default INFO); smile, Netty and pcap4j
 * only from WARN.
 *
 * <p>In code rather than in a {@code logback.xml} because reading XML is most of what a short
 * command such as a replay of a small capture spends on logging: the XML parser and logback's
 * configuration model are a few hundred classes to load and run once (issue 15). Found by logback
 * as a {@link Configurator} service; a {@code logback.configurationFile} property or a
 * {@code logback-test.xml} still takes precedence.
 */
public final class StderrLogging extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level %logger{20} - %msg%n";
    static final List<String> WARN_ONLY = List.of("smile", "io.netty", "org.pcap4j");

    /** For logback's service loader. */
    public StderrLogging() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || StderrLogging.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level(System.getenv("GATEWATCH_LOG_LEVEL")));
        root.addAppender(stderr);
        for (String name : WARN_ONLY) {
            context.getLogger(name).setLevel(Level.WARN);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The root level a {@code GATEWATCH_LOG_LEVEL} value names; INFO when unset or not a level. */
    static Level level(String name) {
        return Level.toLevel(name, Level.INFO);
    }
}
