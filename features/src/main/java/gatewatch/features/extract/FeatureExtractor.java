package gatewatch.features.extract;

import gatewatch.features.arp.ArpWatch;
import gatewatch.features.conn.Connection;
import gatewatch.features.dhcp.DhcpWatch;
import gatewatch.features.content.ContentConfig;
import gatewatch.features.content.ContentInspector;
import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.conn.ConnectionTracker;
import gatewatch.features.conn.FinishReason;
import gatewatch.features.conn.Timeouts;
import gatewatch.features.conn.TrackerCounters;
import gatewatch.features.decode.DecodeCounters;
import gatewatch.features.decode.DecodeStatus;
import gatewatch.features.decode.FrameDecoder;
import gatewatch.features.decode.FrameHandler;
import gatewatch.features.decode.PacketView;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddRecord;
import gatewatch.features.notice.NoticeSink;
import gatewatch.features.window.TrafficWindows;
import gatewatch.features.window.WindowConfig;

/**
 * The capture thread's stages in one {@link FrameHandler}: frame → decoder → connection tracker
 * → features → {@link RecordSink}; ARP packets go from the decoder to the {@link ArpWatch}, DHCP
 * client messages also to the {@link DhcpWatch}.
 *
 * <p>Single-threaded by contract: every method is called from the capture thread.
 */
public final class FeatureExtractor implements FrameHandler {
    private final FrameDecoder decoder;
    private final PacketView view = new PacketView();
    private final ConnectionTracker tracker;
    private final ContentInspector content;
    private final TrafficWindows windows;
    private final RecordSink sink;
    private final ArpWatch arp;
    private final DhcpWatch dhcp;
    private final gatewatch.features.conn.HistoryStrings histories = new gatewatch.features.conn.HistoryStrings();
    private long records;

    public FeatureExtractor(ExtractorConfig config, RecordSink sink) {
        this(config, sink, NoticeSink.NONE);
    }

    /** As the other constructor, with the notices of the ARP and DHCP watches ({@link ArpWatch}, {@link DhcpWatch}) going to {@code notices}. */
    public FeatureExtractor(ExtractorConfig config, RecordSink sink, NoticeSink notices) {
        this.arp = new ArpWatch(notices);
        this.dhcp = new DhcpWatch(notices);
        this.decoder = new FrameDecoder(new DecodeCounters());
        this.content = new ContentInspector(config.content());
        this.tracker = new ConnectionTracker(config.maxConnections(), config.timeouts(), this::finished,
                new TrackerCounters(), content);
        this.sink = sink;
        this.windows = new TrafficWindows(config.windows(), this::emit);
    }

    @Override
    public void onFrame(byte[] buf, int offset, int capLen, int wireLen, int linkType, long tsNanos) {
        DecodeStatus status = decoder.decode(buf, offset, capLen, wireLen, linkType, tsNanos, view);
        if (status == DecodeStatus.PACKET) {
            dhcp.onPacket(view);
            tracker.onPacket(view);
            // Releases records a start-order window configuration holds (nothing waits in report order).
            windows.advanceTime(tsNanos);
        } else if (status == DecodeStatus.ARP) {
            arp.onArp(decoder.arp());
        }
    }

    /** Moves the clock without a packet (live capture on an idle link), expiring connections. */
    public void advanceTime(long nanos) {
        tracker.advanceTime(nanos);
        windows.advanceTime(nanos);
    }

    @Override
    public void idle(long nowNanos) {
        advanceTime(nowNanos);
    }

    /** End of input or stop: reports every open connection (and counts unfinished fragments as expired). */
    public void finish() {
        decoder.flushFragments();
        tracker.flush();
        windows.flush();
    }

    public DecodeCounters decodeCounters() {
        return decoder.counters();
    }

    /** The DHCP watch's counters ({@link DhcpWatch#counters()}). */
    public gatewatch.features.counting.SingleWriterCounters dhcpCounters() {
        return dhcp.counters();
    }

    /** The ARP watch's counters ({@link ArpWatch#counters()}). */
    public gatewatch.features.counting.SingleWriterCounters arpCounters() {
        return arp.counters();
    }

    public TrackerCounters trackerCounters() {
        return tracker.counters();
    }

    public gatewatch.features.content.ContentCounters contentCounters() {
        return content.counters();
    }

    public gatewatch.features.window.WindowCounters windowCounters() {
        return windows.counters();
    }

    public int openConnections() {
        return tracker.openConnections();
    }

    public long records() {
        return records;
    }

    private void finished(Connection c, FinishReason reason) {
        ConnectionSummary summary = ConnectionSummary.of(c, reason, histories);
        double[] v = new double[KddFeature.COUNT_OF_FEATURES];
        BasicFeatures.fill(summary, v);
        content.finish(c, v);
        windows.accept(summary, v);
    }

    /** A record with all 41 features, from the window stage (possibly later, in start order). */
    private void emit(ConnectionRecord r) {
        records++;
        sink.accept(r);
    }

    /** Settings of the extraction stages. */
    public record ExtractorConfig(int maxConnections, Timeouts timeouts, ContentConfig content, WindowConfig windows) {
        public static final int DEFAULT_MAX_CONNECTIONS = 1_000_000;

        public static ExtractorConfig defaults() {
            return new ExtractorConfig(DEFAULT_MAX_CONNECTIONS, Timeouts.ZEEK_DEFAULTS, ContentConfig.defaults(),
                    WindowConfig.defaults());
        }

        public ExtractorConfig withMaxConnections(int max) {
            return new ExtractorConfig(max, timeouts, content, windows);
        }

        public ExtractorConfig {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be positive, got " + maxConnections);
            }
        }
    }
}
