package gatewatch.features.conn;

import gatewatch.features.decode.PacketView;

/**
 * Sees the payload of every TCP segment as the tracker accounts it, for analysers that
 * reassemble streams (the content features). Called on the capture thread, after the segment
 * has updated the connection's state.
 *
 * <p>A connection is identified by {@link Connection#slot()} from {@link #opened} until the
 * tracker's {@link ConnectionListener} has been told it finished; the slot is reused after. An
 * observer keeps its per-connection state in {@link Connection#observerState()}.
 */
public interface PayloadObserver {
    /** An observer that does nothing. */
    PayloadObserver NONE = new PayloadObserver() {
        @Override
        public void opened(Connection c) {
        }

        @Override
        public void payload(Connection c, boolean fromOriginator, long streamOffset, PacketView v) {
        }
    };

    /** A new TCP connection took a slot (its service is known). */
    void opened(Connection c);

    /**
     * A segment carrying payload.
     *
     * @param streamOffset position of the segment's first payload byte in its direction's stream
     *     (0 = the first byte after the SYN; may repeat or go back for retransmissions)
     * @param v            the payload is {@code v.payloadCapLength()} bytes at
     *     {@code v.buf()[v.payloadOffset()]}
     */
    void payload(Connection c, boolean fromOriginator, long streamOffset, PacketView v);
}
