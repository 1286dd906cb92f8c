package gatewatch.sensor.config;

import gatewatch.features.conn.Timeouts;
import java.time.Duration;

/**
 * {@code connections:} — the connection table.
 *
 * @param max           open connections kept at most; the least recently active is reported early when full
 * @param tcpAttempt    {@code timeouts.tcp_attempt}: an unanswered SYN
 * @param tcpClosed     {@code timeouts.tcp_closed}: linger after FIN on both sides or any RST
 * @param tcpInactivity {@code timeouts.tcp_inactivity}: an idle TCP connection
 * @param udpInactivity {@code timeouts.udp_inactivity}: an idle UDP flow
 */
public record ConnectionsSection(Integer max, TimeoutsSection timeouts) {

    public ConnectionsSection {
        max = max != null ? max : 1_000_000;
        timeouts = timeouts != null ? timeouts : new TimeoutsSection(null, null, null, null);
        if (max < 1 || max > 50_000_000) {
            throw new ConfigException("connections.max: must be between 1 and 50000000, got " + max);
        }
    }

    static ConnectionsSection defaults() {
        return new ConnectionsSection(null, null);
    }

    /** {@code connections.timeouts:} durations such as {@code 5s} or {@code 5m}. */
    public record TimeoutsSection(Duration tcpAttempt, Duration tcpClosed, Duration tcpInactivity, Duration udpInactivity) {
        public TimeoutsSection {
            Timeouts z = Timeouts.ZEEK_DEFAULTS;
            tcpAttempt = positive("connections.timeouts.tcp_attempt", tcpAttempt, z.tcpAttempt());
            tcpClosed = positive("connections.timeouts.tcp_closed", tcpClosed, z.tcpClosed());
            tcpInactivity = positive("connections.timeouts.tcp_inactivity", tcpInactivity, z.tcpInactivity());
            udpInactivity = positive("connections.timeouts.udp_inactivity", udpInactivity, z.udpInactivity());
        }

        private static Duration positive(String key, Duration d, Duration dflt) {
            if (d == null) {
                return dflt;
            }
            if (d.isZero() || d.isNegative()) {
                throw new ConfigException(key + ": must be positive, got " + d);
            }
            return d;
        }

        public Timeouts toTimeouts() {
            return new Timeouts(tcpAttempt, tcpClosed, tcpInactivity, udpInactivity);
        }
    }
}
