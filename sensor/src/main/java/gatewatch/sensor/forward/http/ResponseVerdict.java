package gatewatch.sensor.forward.http;

/** What a webhook response status means for the batch it answers. */
public enum ResponseVerdict {
    /** 2xx: the receiver has the batch. */
    DELIVERED,
    /**
     * 4xx other than 408/429, and redirects (not followed): the receiver will never take this
     * batch as sent; sending it again would loop until the buffer fills.
     */
    REJECTED,
    /** 5xx, 408 Request Timeout, 429 Too Many Requests: try again later. */
    RETRY;

    public static ResponseVerdict of(int status) {
        if (status >= 200 && status < 300) {
            return DELIVERED;
        }
        if (status >= 500 || status == 408 || status == 429) {
            return RETRY;
        }
        return REJECTED;
    }
}
