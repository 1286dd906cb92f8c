package gatewatch.sensor.pipeline;

import gatewatch.detector.model.Category;
import gatewatch.detector.model.Ensemble;
import gatewatch.features.decode.FrameHandler;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.extract.FeatureExtractor;
import gatewatch.features.notice.Notice;
import gatewatch.sensor.capture.CaptureException;
import gatewatch.sensor.capture.PacketSource;
import gatewatch.sensor.capture.PcapFileSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The sensor's stages and threads as DESIGN.md draws them: one capture thread (source → decoder
 * → connections → features), a bounded queue to the detector thread (batch scoring), a bounded
 * queue to the sink thread (alert log, records log, forwarders). Notices (ARP poisoning, DHCP
 * floods: alerts of no one connection, which no model scores) go from the capture thread to the
 * sink thread in a queue of their own.
 *
 * <p>Replay waits when a queue is full; live capture drops records and counts them. Nothing else
 * is shared between the threads.
 */
public final class Pipeline {
    /** Notices come one per poisoner or flooder and episode, not one per frame: a small queue is plenty. */
    private static final int NOTICE_QUEUE = 1024;
    private final PipelineSettings settings;
    private final StageQueue<ConnectionRecord> recordQueue;
    private final StageQueue<Scored> verdictQueue;
    private final StageQueue<Notice> noticeQueue;
    private final FeatureExtractor extractor;
    private final DetectorStage detector;
    private final SinkStage sink;
    private volatile PacketSource current;
    private volatile boolean stopRequested;
    /** The signal that stopped the run, for a replay's summary; null if none did. */
    private volatile String stoppedBy;
    private volatile Throwable failure;

    public Pipeline(PipelineSettings settings, FullQueuePolicy policy, Ensemble ensemble, Outputs outputs,
            LatencyRecorder latency) {
        this(settings, policy, () -> ensemble, outputs, latency);
    }

    /**
     * As the other constructor, with the model taken by the detector thread when it starts: a
     * replay reads its first frames while the model still loads (the records wait in their queue).
     * A model that fails to load fails the detector stage ({@link #failure()}).
     */
    public Pipeline(PipelineSettings settings, FullQueuePolicy policy, Supplier<Ensemble> ensemble, Outputs outputs,
            LatencyRecorder latency) {
        this.settings = settings;
        this.recordQueue = new StageQueue<>("records", settings.recordQueue(), policy);
        this.verdictQueue = new StageQueue<>("verdicts", settings.verdictQueue(), policy);
        this.noticeQueue = new StageQueue<>("notices", NOTICE_QUEUE, policy);
        this.extractor = new FeatureExtractor(settings.extractor(), recordQueue::put, noticeQueue::put);
        this.detector = new DetectorStage(recordQueue, verdictQueue, ensemble, settings.batchSize(), latency);
        this.sink = new SinkStage(verdictQueue, noticeQueue, outputs);
    }

    /** Reads capture files in order, as one stream, through the whole pipeline; returns when all is written. */
    public Summary replay(List<Path> captures, ReplaySpeed speed) {
        long start = System.nanoTime();
        Thread[] workers = startWorkers();
        String inputError = null;
        FrameHandler handler = speed.paced() ? new PacedFrameHandler(extractor, speed, () -> stopRequested) : extractor;
        try {
            for (Path p : captures) {
                if (stopRequested) {
                    break;
                }
                try (PcapFileSource source = PcapFileSource.open(p)) {
                    current = source;
                    if (!stopRequested) {
                        source.run(handler);
                    }
                } catch (CaptureException e) {
                    inputError = e.getMessage();
                    break;
                } finally {
                    current = null;
                }
            }
        } finally {
            finishCapture();
            join(workers);
        }
        return summary(start, inputError, stoppedBy);
    }

    /** Captures from a live source until {@link #stop()}; returns when all is written. */
    public Summary live(PacketSource source) throws CaptureException {
        return live(source, h -> h);
    }

    /**
     * As {@link #live(PacketSource)}, with the capture thread's frame handler wrapped by
     * {@code decorate} (the systemd watchdog keep-alive runs in the capture loop this way).
     */
    public Summary live(PacketSource source, java.util.function.UnaryOperator<FrameHandler> decorate)
            throws CaptureException {
        long start = System.nanoTime();
        sink.useWallClock();
        Thread[] workers = startWorkers();
        current = source;
        try {
            if (!stopRequested) {
                source.run(decorate.apply(extractor));
            }
        } finally {
            current = null;
            finishCapture();
            join(workers);
        }
        return summary(start, null, null);
    }

    /** Stops capture (from any thread, e.g. a signal handler); the run then flushes and drains. */
    public void stop() {
        stopRequested = true;
        PacketSource s = current;
        if (s != null) {
            s.stop();
        }
    }

    /** As {@link #stop()}, for a signal: a replay's summary then says it stopped early, and by what. */
    public void stop(String signal) {
        stoppedBy = signal;
        stop();
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    private void finishCapture() {
        // Open connections become records; then the queues drain in order.
        extractor.finish();
        recordQueue.close();
        noticeQueue.close();
    }

    private Thread[] startWorkers() {
        Thread d = Thread.ofPlatform().name("gatewatch-detector").start(guarded(detector, recordQueue, verdictQueue));
        Thread s = Thread.ofPlatform().name("gatewatch-sink").start(guarded(sink, verdictQueue, noticeQueue));
        return new Thread[] {d, s};
    }

    /**
     * A failing stage (standard output closed under a replay, say; a full disk under the logs is counted, not fatal) must not leave the stages before it
     * waiting forever on a queue nobody drains: it stops capture and releases the producers.
     */
    private Runnable guarded(Runnable stage, StageQueue<?>... inputs) {
        return () -> {
            try {
                stage.run();
            } catch (Throwable t) {
                failure = t;
                for (StageQueue<?> q : inputs) {
                    q.abandon();
                }
                verdictQueue.close();
                stop();
            }
        };
    }

    /** Why a worker stage failed, or null. */
    public Throwable failure() {
        return failure;
    }

    private static void join(Thread[] threads) {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Summary summary(long startNanos, String inputError, String stoppedBy) {
        Map<Category, Long> alerts = Summary.emptyCounts();
        alerts.replaceAll((c, v) -> sink.alerts(c));
        Map<Category, Long> suppressed = Summary.emptyCounts();
        suppressed.replaceAll((c, v) -> sink.suppressed(c));
        return new Summary(extractor.decodeCounters().frames(), sink.connections(), alerts, suppressed, sink.siteTypical(),
                extractor.decodeCounters().malformedTotal(),
                recordQueue.dropped(), verdictQueue.dropped(), extractor.trackerCounters().evicted(),
                (System.nanoTime() - startNanos) / 1e9, inputError, sink.logLosses(), stoppedBy);
    }

    public FeatureExtractor extractor() {
        return extractor;
    }

    public StageQueue<ConnectionRecord> recordQueue() {
        return recordQueue;
    }

    /** The capture thread's notices on their way to the sink (ARP poisoning, DHCP floods). */
    public StageQueue<Notice> noticeQueue() {
        return noticeQueue;
    }

    public StageQueue<Scored> verdictQueue() {
        return verdictQueue;
    }

    public SinkStage sink() {
        return sink;
    }

    public DetectorStage detector() {
        return detector;
    }

    public PipelineSettings settings() {
        return settings;
    }
}
