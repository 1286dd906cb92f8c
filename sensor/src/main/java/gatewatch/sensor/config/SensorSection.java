package gatewatch.sensor.config;

/**
 * {@code sensor:}
 *
 * @param name the {@code sensor} field of events; empty = the host name
 * @param user started as root, the user {@code run} becomes once the capture, the logs and the
 *             metrics port are open; empty = stay as started (the unit starts it unprivileged)
 */
public record SensorSection(String name, String user) {
    public SensorSection {
        user = user == null || user.isBlank() ? null : user;
    }

    public SensorSection withName(String newName) {
        return new SensorSection(newName, user);
    }
}
