package gatewatch.sensor.http;

/**
 * What the endpoint counts about connections it cut short or requests it refused, each with its
 * meter (name and the one tag that tells kinds of a family apart) and, for those worth an
 * operator's eye, the phrase of the log line. Routine ones (an idle keep-alive closing, a request
 * the client is told about) are only counted.
 */
enum HttpEvent {
    CONNECTION_REJECTED("gatewatch.http.connections.rejected", null, null,
            "connections closed at accept (metrics.max_connections reached)"),
    EVICTED("gatewatch.http.connections.evicted", null, null,
            "connections without a request in hand closed to make room for a new one (metrics.max_connections reached)"),
    HEADER_TIMEOUT("gatewatch.http.timeouts", "deadline", "header",
            "connections closed at the header deadline (metrics.header_timeout)"),
    REQUEST_TIMEOUT("gatewatch.http.timeouts", "deadline", "request",
            "connections closed at the request deadline (metrics.request_timeout)"),
    IDLE_TIMEOUT("gatewatch.http.timeouts", "deadline", "idle", null),
    BODY_REFUSED("gatewatch.http.requests.refused", "reason", "body_not_allowed", null),
    TOO_LARGE("gatewatch.http.requests.refused", "reason", "too_large", null),
    BUFFER_FULL("gatewatch.http.requests.refused", "reason", "buffer_full",
            "requests refused with 503 (metrics.max_buffered_bytes reached)"),
    ABORTED("gatewatch.http.requests.aborted", null, null, "requests the client abandoned before their end"),
    FAILED("gatewatch.http.connections.failed", null, null, "connections closed on an unexpected error");

    final String meter;
    final String tagKey;
    final String tagValue;
    /** The log line's phrase, or null for an event that is only counted. */
    final String phrase;

    HttpEvent(String meter, String tagKey, String tagValue, String phrase) {
        this.meter = meter;
        this.tagKey = tagKey;
        this.tagValue = tagValue;
        this.phrase = phrase;
    }
}
