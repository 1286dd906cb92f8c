package gatewatch.sensor.http;

/**
 * What the {@link Router} hands on: the part of a request one responder needs, copied out of the
 * request so that the request's buffers are released at once and no responder deals with
 * reference counts.
 */
sealed interface Route {
    /** {@code GET /metrics}; {@code accept} is the request's Accept header, or null. */
    record Scrape(String accept) implements Route {
    }

    /** {@code GET /healthz}. */
    record Probe() implements Route {
    }

    /** {@code POST /v1/score}; {@code contentType} may be null. */
    record Score(String contentType, byte[] body) implements Route {
    }
}
