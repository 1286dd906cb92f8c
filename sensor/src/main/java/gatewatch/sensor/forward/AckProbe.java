package gatewatch.sensor.forward;

/**
 * How many bytes of one TCP connection the peer has acknowledged, and whether the peer has
 * already closed or reset it. Read on the channel's event loop only, before the channel closes
 * its socket.
 */
interface AckProbe {

    /**
     * What the kernel knows of the connection at one instant.
     *
     * @param bytesAcked bytes the peer acknowledged since the probe was opened
     * @param peerGone   the peer has sent FIN or RST
     * @param reset      the connection is closed by a RST: the peer went away with bytes it had
     *                   acknowledged still unread, which are lost without a count (also set in the
     *                   rare case of a RST that answered data written just after the peer's FIN)
     */
    record Reading(long bytesAcked, boolean peerGone, boolean reset) {
    }

    /**
     * @return bytes acknowledged since the probe was opened, and whether the peer has sent FIN or
     *         RST; a probe that cannot ask the kernel reports what the kernel accepted for sending
     */
    Reading read();

    /** True when {@link #read()} reports real acknowledgements, not bytes merely written. */
    boolean kernelBacked();
}
