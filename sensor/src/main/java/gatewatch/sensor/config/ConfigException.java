package gatewatch.sensor.config;

/** A configuration that cannot be used; the message names the key (e.g. {@code capture.buffer_mib}). */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
