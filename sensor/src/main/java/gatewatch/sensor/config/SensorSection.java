package gatewatch.sensor.config;

/** {@code sensor:} — @param name the {@code sensor} field of events; empty = the host name. */
public record SensorSection(String name) {
}
