package gatewatch.sensor.forward;

/**
 * How many bytes of one TCP connection the peer has acknowledged, and whether the peer has
 * already closed or reset it. Read on the channel's event loop only, before the channel closes
 * its socket.
 */
interface AckProbe {

    /** What the kernel knows of the connection at one instant. */
    record Reading(long bytesAcked, boolean peerGone) {
    }

    /**
     * @return bytes acknowledged since the probe was opened, and whether the peer has sent FIN or
     *         RST; a probe that cannot ask the kernel reports what the kernel accepted for sending
     */
    Reading read();

    /** True when {@link #read()} reports real acknowledgements, not bytes merely written. */
    boolean kernelBacked();
}
