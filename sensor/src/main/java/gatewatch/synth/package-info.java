/**
 * The traffic synthesizer: a capture of a small site's normal traffic with attack episodes in
 * it, and its ground truth, the same bytes for the same seed. The {@code synth} and {@code demo}
 * commands use it; the sensor's capture, pipeline and forwarding do not.
 *
 * <p>It shares the sensor module (one jar, one launcher) but not its code: it depends on the
 * features module only, and frames and writes its packets with the project's one frame builder
 * and pcap writer, {@code gatewatch.features.encode}, which the tests use too.
 *
 * <p>Layout: {@code net} (hosts and addresses), {@code service} (what each protocol says),
 * {@code session} (TCP conversations and scripts), {@code scenario} (normal traffic and each
 * attack), {@code wire} (packets before they are framed), {@code truth} (what each connection is).
 */
package gatewatch.synth;
