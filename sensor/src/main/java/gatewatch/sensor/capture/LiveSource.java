package gatewatch.sensor.capture;

import gatewatch.features.decode.FrameHandler;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapStat;

/**
 * Live capture on one interface. pcap4j opens and configures the handle (snaplen, promiscuous
 * mode, kernel buffer, immediate mode, timeout, nanosecond time stamps, BPF filter) and reads the
 * statistics; frames are read from the same {@code pcap_t} through FFM ({@link FrameReader}).
 *
 * <p>Waiting: the handle is non-blocking, and when libpcap has no frame ready the loop waits in
 * {@code poll(2)} on libpcap's selectable descriptor for at most {@value #POLL_MILLIS} ms before it
 * looks at the stop flag again. A blocking {@code pcap_next_ex} on an idle TPACKET_V3 ring can wait
 * forever (the kernel hands over no empty block), and only libpcap 1.10's {@code pcap_breakloop}
 * eventfd would wake it; the poll bound does not depend on that, and on an idle link it costs
 * {@value #POLLS_PER_SECOND} wake-ups a second.
 *
 * <p>Needs root or the capability CAP_NET_RAW (promiscuous mode included: libpcap sets it with a
 * packet-socket membership, which CAP_NET_RAW covers; measured under the systemd unit).
 */
public final class LiveSource implements PacketSource {
    static final int POLL_MILLIS = 100;
    static final int POLLS_PER_SECOND = 1000 / POLL_MILLIS;
    private static final int EINTR = 4;

    private final LiveConfig config;
    private final PcapHandle handle;
    private final FrameReader reader;
    private final int selectableFd;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Object statsLock = new Object();
    private CaptureStats lastStats = CaptureStats.NONE;
    private boolean closed;

    private LiveSource(LiveConfig config, PcapHandle handle, int selectableFd) {
        this.config = config;
        this.handle = handle;
        this.reader = new FrameReader(NativePcap.pcapOf(handle));
        this.selectableFd = selectableFd;
    }

    /**
     * Opens and activates a capture on {@code config.interfaceName()}.
     *
     * @throws CaptureOpenException no such interface, no permission, or a filter that does not
     *     compile for the interface's link type
     */
    public static LiveSource open(LiveConfig config) throws CaptureOpenException {
        PcapHandle handle = build(config);
        try {
            applyFilter(handle, config);
            handle.setBlockingMode(PcapHandle.BlockingMode.NONBLOCKING);
            int fd = NativePcap.selectableFd(NativePcap.pcapOf(handle));
            if (fd < 0) {
                throw failure(config, "libpcap offers no selectable descriptor to wait on", null);
            }
            return new LiveSource(config, handle, fd);
        } catch (PcapNativeException | NotOpenException e) {
            handle.close();
            throw failure(config, e.getMessage(), e);
        } catch (CaptureOpenException | RuntimeException | Error e) {
            handle.close();
            throw e;
        }
    }

    private static void applyFilter(PcapHandle handle, LiveConfig config) throws CaptureOpenException, NotOpenException {
        if (config.filter() == null) {
            return;
        }
        try {
            handle.setFilter(config.filter(), BpfProgram.BpfCompileMode.OPTIMIZE);
        } catch (PcapNativeException e) {
            String reason = String.valueOf(e.getMessage()).replaceFirst("^Error occurred in pcap_compile: ", "");
            throw failure(config, "filter '" + config.filter() + "': " + reason, e);
        }
    }

    private static CaptureOpenException failure(LiveConfig config, String reason, Throwable cause) {
        return new CaptureOpenException(CaptureOpenException.Kind.INTERFACE, config.interfaceName(), reason, cause);
    }

    private static PcapHandle build(LiveConfig config) throws CaptureOpenException {
        try {
            return new PcapHandle.Builder(config.interfaceName())
                    .snaplen(config.snaplen())
                    .promiscuousMode(config.promiscuous()
                            ? PcapNetworkInterface.PromiscuousMode.PROMISCUOUS
                            : PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
                    .bufferSize(config.bufferSize())
                    .immediateMode(config.immediate())
                    .timeoutMillis(config.timeoutMillis())
                    .timestampPrecision(PcapHandle.TimestampPrecision.NANO)
                    .build();
        } catch (PcapNativeException e) {
            throw failure(config, e.getMessage(), e);
        }
    }

    /**
     * Captures until {@link #stop()} or until the interface fails.
     *
     * @throws LiveCaptureException the interface went down or away, or waiting on it failed
     */
    @Override
    public long run(FrameHandler handler) throws LiveCaptureException {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("run() is already capturing on " + config.interfaceName());
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pollFd = arena.allocate(NativePcap.POLLFD);
            NativePcap.POLLFD_FD.set(pollFd, 0L, selectableFd);
            NativePcap.POLLFD_EVENTS.set(pollFd, 0L, NativePcap.POLLIN);
            MemorySegment callState = arena.allocate(NativePcap.CALL_STATE);
            long before = reader.frames();
            while (true) {
                int rc = reader.readUntilIdle(handler);
                if (rc == FrameReader.STOPPED || rc == NativePcap.NEXT_BREAK) {
                    return reader.frames() - before;
                }
                if (rc == NativePcap.NEXT_ERROR) {
                    throw new LiveCaptureException(config.interfaceName(), NativePcap.geterr(reader.pcap()));
                }
                if (waitForFrames(pollFd, callState) == 0) {
                    // Nothing arrived for a poll period: time still passes for the timeouts.
                    handler.idle(System.currentTimeMillis() * 1_000_000L);
                }
            }
        } finally {
            running.set(false);
        }
    }

    /** Waits until the ring has a block for us, or {@value #POLL_MILLIS} ms pass; returns 0 on a timeout. */
    private int waitForFrames(MemorySegment pollFd, MemorySegment callState) throws LiveCaptureException {
        int n;
        try {
            n = (int) NativePcap.POLL.invokeExact(callState, pollFd, 1L, POLL_MILLIS);
        } catch (Throwable t) {
            throw NativePcap.rethrow(t);
        }
        if (n < 0) {
            int errno = (int) NativePcap.ERRNO.get(callState, 0L);
            if (errno != EINTR) {
                throw new LiveCaptureException(config.interfaceName(), "poll failed with errno " + errno);
            }
        }
        // POLLERR/POLLHUP (interface gone) need no handling here: the next pcap_next_ex reports it.
        return n;
    }

    @Override
    public void stop() {
        reader.requestStop();
    }

    @Override
    public int linkType() {
        return reader.linkType();
    }

    /**
     * libpcap's counters. Any thread may call this while {@link #run} captures: on Linux
     * {@code pcap_stats} reads the socket's counters and sysfs and touches no state the frame path
     * uses; callers are serialized by a lock the frame path never takes. After {@link #close()} the
     * last values are returned.
     */
    @Override
    public CaptureStats stats() {
        synchronized (statsLock) {
            if (!closed) {
                try {
                    PcapStat s = handle.getStats();
                    lastStats = new CaptureStats(s.getNumPacketsReceived(), s.getNumPacketsDropped(),
                            s.getNumPacketsDroppedByIf());
                } catch (PcapNativeException | NotOpenException e) {
                    // Keep the last good values: a failed read must not look like a reset to zero.
                }
            }
            return lastStats;
        }
    }

    @Override
    public String name() {
        return config.interfaceName();
    }

    public LiveConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (running.get()) {
            throw new IllegalStateException("close() while run() is capturing on " + config.interfaceName()
                    + ": stop() and wait for run()");
        }
        synchronized (statsLock) {
            if (closed) {
                return;
            }
            stats();
            closed = true;
        }
        reader.close();
        handle.close();
    }
}
