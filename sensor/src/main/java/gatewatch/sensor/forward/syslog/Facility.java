package gatewatch.sensor.forward.syslog;

import java.util.Locale;

/** RFC 5424 section 6.2.1 facilities, by the names syslog configurations use. */
public enum Facility {
    KERN(0), USER(1), MAIL(2), DAEMON(3), AUTH(4), SYSLOG(5), LPR(6), NEWS(7), UUCP(8), CRON(9),
    AUTHPRIV(10), FTP(11), NTP(12), SECURITY(13), CONSOLE(14), SOLARIS_CRON(15),
    LOCAL0(16), LOCAL1(17), LOCAL2(18), LOCAL3(19), LOCAL4(20), LOCAL5(21), LOCAL6(22), LOCAL7(23);

    private final int code;

    Facility(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** By name, as in {@code local0} or {@code authpriv}. */
    public static Facility of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("facility must be one of kern, user, ..., auth, authpriv, local0..local7; got " + name);
        }
    }
}
