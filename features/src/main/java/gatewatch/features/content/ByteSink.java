package gatewatch.features.content;

/** Receives one direction of a stream in order. */
interface ByteSink {
    /** The next {@code len} bytes of the stream. The array is only valid during the call. */
    void data(byte[] b, int off, int len);

    /** Bytes are missing before the next {@link #data}: whatever was being parsed is cut. */
    void gap();
}
