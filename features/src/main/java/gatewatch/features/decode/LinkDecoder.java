package gatewatch.features.decode;

/**
 * Decodes one link-layer header and says where the network layer starts and what it is.
 *
 * <p>Implementations are stateless and never throw on frame content; {@link LinkTable} maps each
 * link type to one of them.
 */
sealed interface LinkDecoder
        permits EthernetDecoder, LinuxSllDecoder, LinuxSll2Decoder, NullDecoder, NflogDecoder, PppDecoder,
        RawIpDecoder {
    /**
     * Decodes the header of the frame at {@code off}, of which {@code capLen} bytes were captured.
     * On success sets {@code out.etherType} and {@code out.l3Offset} (and may lower
     * {@code out.wireEnd}, preset to the frame's end on the wire) and returns null.
     */
    MalformedReason decode(byte[] b, int off, int capLen, LinkResult out);
}
