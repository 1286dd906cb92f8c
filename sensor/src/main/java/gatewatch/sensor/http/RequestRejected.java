package gatewatch.sensor.http;

/**
 * A request the scoring API turns down, with the HTTP status and the one-line message the client
 * gets back. Thrown by the parsers; the responder turns it into the response.
 */
final class RequestRejected extends RuntimeException {
    static final int BAD_REQUEST = 400;
    static final int CONTENT_TOO_LARGE = 413;
    static final int UNSUPPORTED_MEDIA_TYPE = 415;

    private final int status;

    RequestRejected(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static RequestRejected badRequest(String message) {
        return new RequestRejected(BAD_REQUEST, message);
    }

    static RequestRejected tooManyRecords(int max) {
        return new RequestRejected(CONTENT_TOO_LARGE,
                "more than " + max + " records in one request; send at most " + max + " per request");
    }

    int status() {
        return status;
    }
}
