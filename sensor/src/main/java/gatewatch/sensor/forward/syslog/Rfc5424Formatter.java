package gatewatch.sensor.forward.syslog;

import gatewatch.sensor.forward.ForwardedAlert;
import gatewatch.sensor.forward.JsonText;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One alert as an RFC 5424 message:
 * {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID alert [gatewatch@32473 category="dos"] {json}}.
 *
 * <ul>
 * <li>PRI = facility × 8 + {@link Severity#of severity of the category}.</li>
 * <li>TIMESTAMP is the alert's own time (RFC 3339, microseconds, UTC), not the send time, so a
 *     message sent again after an outage is the same bytes and still says when it happened.</li>
 * <li>The SD-ID {@code gatewatch@32473} uses 32473, the enterprise number RFC 5612 reserves for
 *     documentation, until gatewatch has a number of its own; it carries the category so that a
 *     receiver can filter without parsing the JSON.</li>
 * <li>MSG is the JSON with every non-ASCII character escaped ({@link JsonText#asciiOneLine}),
 *     sent without a BOM: printable ASCII is valid MSG-ANY, the JSON value is unchanged, and a
 *     receiver's JSON parser never meets the BOM that RFC 5424 section 6.4 requires of a
 *     UTF-8 MSG.</li>
 * </ul>
 * A pure function of its configuration and the alert; thread-safe.
 */
public final class Rfc5424Formatter {
    /** RFC 5612's documentation enterprise number. */
    public static final int EXAMPLE_ENTERPRISE_NUMBER = 32473;
    public static final String MSGID = "alert";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final SyslogFormat format;
    private final String afterTimestamp;

    public Rfc5424Formatter(SyslogFormat format) {
        this.format = format;
        this.afterTimestamp = " " + format.hostname() + " " + format.appName() + " " + format.procId() + " " + MSGID + " ";
    }

    public byte[] format(ForwardedAlert alert) {
        int pri = format.facility().code() * 8 + Severity.of(alert.category());
        String message = "<" + pri + ">1 " + TIMESTAMP.format(alert.timestamp()) + afterTimestamp
                + "[gatewatch@" + EXAMPLE_ENTERPRISE_NUMBER + " category=\"" + alert.category().externalName() + "\"] "
                + JsonText.asciiOneLine(alert.json());
        return message.getBytes(StandardCharsets.US_ASCII);
    }
}
