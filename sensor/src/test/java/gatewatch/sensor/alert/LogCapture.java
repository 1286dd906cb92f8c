package gatewatch.sensor.alert;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The log lines one class writes while a test runs (logback's list appender). */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(Class<?> of) {
        this.logger = (Logger) LoggerFactory.getLogger(of);
        appender.start();
        logger.addAppender(appender);
    }

    public static LogCapture of(Class<?> of) {
        return new LogCapture(of);
    }

    /** The formatted messages so far, each with its level in front ({@code "ERROR ..."}). */
    public List<String> lines() {
        return List.copyOf(appender.list).stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
