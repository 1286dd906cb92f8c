package gatewatch.sensor.daemon;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * systemd's notification protocol for {@code Type=notify} units: {@code READY=1} once capture
 * runs, {@code WATCHDOG=1} keep-alives from the capture loop, {@code STOPPING=1} on shutdown.
 *
 * <p>Calls libsystemd's {@code sd_notify(3)} through FFM: it handles every form of
 * {@code $NOTIFY_SOCKET} (paths and abstract names) and does nothing when the variable is unset,
 * so the same code runs outside systemd. Without libsystemd the notifier is a no-op.
 */
public final class SystemdNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifier.class);
    private final MethodHandle sdNotify;
    private final long watchdogIntervalNanos;

    private SystemdNotifier(MethodHandle sdNotify, long watchdogIntervalNanos) {
        this.sdNotify = sdNotify;
        this.watchdogIntervalNanos = watchdogIntervalNanos;
    }

    /** A notifier for this process: active when started by systemd with {@code NOTIFY_SOCKET}. */
    public static SystemdNotifier fromEnvironment() {
        String socket = System.getenv("NOTIFY_SOCKET");
        long watchdog = parseWatchdog(System.getenv("WATCHDOG_USEC"), System.getenv("WATCHDOG_PID"));
        if (socket == null || socket.isEmpty()) {
            return new SystemdNotifier(null, 0);
        }
        Optional<MethodHandle> handle = lookup();
        if (handle.isEmpty()) {
            LOG.warn("NOTIFY_SOCKET is set but libsystemd.so.0 was not found: readiness and watchdog are not sent");
            return new SystemdNotifier(null, 0);
        }
        return new SystemdNotifier(handle.get(), watchdog);
    }

    /** Half of {@code WATCHDOG_USEC}, the interval systemd recommends, in nanoseconds; 0 when off or meant for another pid. */
    static long parseWatchdog(String usec, String pid) {
        if (usec == null || usec.isEmpty()) {
            return 0;
        }
        if (pid != null && !pid.isEmpty() && !pid.equals(Long.toString(ProcessHandle.current().pid()))) {
            return 0;
        }
        try {
            long u = Long.parseLong(usec.trim());
            return u > 0 ? u * 1000 / 2 : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<MethodHandle> lookup() {
        try {
            SymbolLookup lib = SymbolLookup.libraryLookup("libsystemd.so.0", Arena.global());
            return lib.find("sd_notify").map(addr -> Linker.nativeLinker().downcallHandle(addr,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean active() {
        return sdNotify != null;
    }

    /** Nanoseconds between keep-alives, or 0 when systemd watches nothing. */
    public long watchdogIntervalNanos() {
        return watchdogIntervalNanos;
    }

    public void ready() {
        send("READY=1\nSTATUS=capturing");
    }

    public void watchdog() {
        send("WATCHDOG=1");
    }

    public void stopping() {
        send("STOPPING=1\nSTATUS=flushing connections and logs");
    }

    private void send(String state) {
        if (sdNotify == null) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocateFrom(state);
            int rc = (int) sdNotify.invokeExact(0, s);
            if (rc < 0) {
                LOG.warn("sd_notify({}) failed: {}", state.lines().findFirst().orElse(state), rc);
            }
        } catch (Throwable t) {
            LOG.warn("sd_notify failed: {}", t.toString());
        }
    }
}
