package gatewatch.features.conn;

import java.time.Duration;

/**
 * How long a connection may stay idle before it is finished and reported, by state. Defaults
 * are Zeek's: {@code tcp_attempt_delay} 5 s, {@code tcp_close_delay}/{@code tcp_reset_delay}
 * 5 s, {@code tcp_inactivity_timeout} 5 min, {@code udp_inactivity_timeout} 1 min.
 *
 * <p>Times are measured on the clock the tracker is driven by: packet time in replay, wall time
 * when live.
 *
 * @param tcpAttempt    a SYN (or SYN-ACK) that nothing answered
 * @param tcpClosed     linger after both sides sent FIN, or either sent RST, for trailing packets
 * @param tcpInactivity an established or partial connection with no packet
 * @param udpInactivity a UDP flow with no packet
 */
public record Timeouts(Duration tcpAttempt, Duration tcpClosed, Duration tcpInactivity, Duration udpInactivity) {

    public static final Timeouts ZEEK_DEFAULTS = new Timeouts(
            Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(1));

    public Timeouts {
        check("tcpAttempt", tcpAttempt);
        check("tcpClosed", tcpClosed);
        check("tcpInactivity", tcpInactivity);
        check("udpInactivity", udpInactivity);
    }

    private static void check(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("timeout " + name + " must be positive, got " + d);
        }
    }

    long nanos(TimeoutClass c) {
        return switch (c) {
            case TCP_ATTEMPT -> tcpAttempt.toNanos();
            case TCP_CLOSED -> tcpClosed.toNanos();
            case TCP_ACTIVE -> tcpInactivity.toNanos();
            case UDP -> udpInactivity.toNanos();
        };
    }
}
