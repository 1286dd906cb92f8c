package gatewatch.sensor.forward.syslog;

import java.util.Objects;

/**
 * The fixed parts of gatewatch's RFC 5424 header. Each must be printable US-ASCII without spaces
 * (the NILVALUE "-" aside) and within the lengths of RFC 5424 section 6.
 *
 * @param hostname the sensor's host name (FQDN preferred), at most 255 characters
 * @param appName  at most 48 characters; default {@code gatewatch}
 * @param procId   at most 128 characters; default this process's id
 * @param facility default {@link Facility#LOCAL0}: a facility reserved for local use, so that an
 *                 operator can route the alerts with one selector ({@code local0.*}) without them
 *                 landing among the logins that Debian's rsyslog sends from {@code auth} to
 *                 {@code /var/log/auth.log}; choose {@code auth} or {@code authpriv} where the
 *                 site's SIEM expects security events there
 */
public record SyslogFormat(String hostname, String appName, String procId, Facility facility) {
    public static final String DEFAULT_APP_NAME = "gatewatch";

    public SyslogFormat {
        checkHeaderField("hostname", hostname, 255);
        checkHeaderField("appName", appName, 48);
        checkHeaderField("procId", procId, 128);
        Objects.requireNonNull(facility, "facility is missing");
    }

    /** Defaults for everything but the host name. */
    public static SyslogFormat of(String hostname) {
        return new SyslogFormat(hostname, DEFAULT_APP_NAME, Long.toString(ProcessHandle.current().pid()), Facility.LOCAL0);
    }

    public SyslogFormat withFacility(Facility f) {
        return new SyslogFormat(hostname, appName, procId, f);
    }

    private static void checkHeaderField(String field, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " is missing (RFC 5424 uses \"-\" for none)");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters, got " + value.length());
        }
        if (!value.chars().allMatch(c -> c >= 33 && c <= 126)) {
            throw new IllegalArgumentException(field + " must be printable US-ASCII without spaces, got '" + value + "'");
        }
    }
}
