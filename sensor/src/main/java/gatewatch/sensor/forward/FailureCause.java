package gatewatch.sensor.forward;

/** Why an alert was not delivered; the name is the {@code cause} tag of the failure metric. */
public enum FailureCause {
    /** {@link Forwarder#offer} found the buffer at its bound; the alert was never taken. */
    BUFFER_FULL("buffer_full"),
    /** The receiver refused it for good (an HTTP 4xx other than 408/429); not retried. */
    REJECTED("rejected"),
    /** The kernel refused to send a datagram; UDP has nothing to retry against. */
    SEND_ERROR("send_error"),
    /** Still undelivered when {@link Forwarder#close} ran out of time: the forwarder gave up. */
    GAVE_UP("gave_up");

    private final String tag;

    FailureCause(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
