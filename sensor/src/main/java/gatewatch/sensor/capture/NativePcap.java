package gatewatch.sensor.capture;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import org.pcap4j.core.PcapHandle;

/**
 * The few libpcap and libc functions the frame path calls through Java's FFM API, bound to the
 * very libpcap that pcap4j (JNA) loaded.
 *
 * <p>pcap4j stays in charge of opening, configuring, filtering and closing a handle; these bindings
 * only read frames from that same {@code pcap_t}. JNA's per-call cost, microseconds a frame where
 * decoding one takes tens of nanoseconds, is what they avoid. The symbols are taken from JNA's
 * {@link NativeLibrary} instance for libpcap rather than from a second {@code dlopen} by name, so
 * there is exactly one libpcap in the process whatever file name JNA resolved
 * ({@code libpcap.so.0.8} on Debian, {@code libpcap.so.1} elsewhere, or the
 * {@code org.pcap4j.core.pcapLibName} property pcap4j honours).
 *
 * <p>The layouts assume an LP64 ABI (Linux on x86-64 or AArch64), where {@code struct timeval}
 * is two 64-bit longs; the class refuses to load elsewhere rather than misread headers.
 */
// Binding native functions is this class's one job; the JVM runs with --enable-native-access.
@SuppressWarnings("restricted")
final class NativePcap {
    /** {@code pcap_next_ex} results besides 1 (a frame). */
    static final int NEXT_TIMEOUT = 0;
    static final int NEXT_ERROR = -1;
    /** End of a capture file, or {@code pcap_breakloop}. */
    static final int NEXT_BREAK = -2;

    /** {@code struct pcap_pkthdr} on LP64: timeval (sec, usec-or-nsec), caplen, len. */
    static final long HDR_TV_SEC = 0;
    static final long HDR_TV_FRAC = 8;
    static final long HDR_CAPLEN = 16;
    static final long HDR_LEN = 20;

    static final int TSTAMP_PRECISION_NANO = 1;

    static final short POLLIN = 0x001;
    /** {@code struct pollfd}: int fd; short events; short revents. */
    static final StructLayout POLLFD = MemoryLayout.structLayout(
            JAVA_INT.withName("fd"), JAVA_SHORT.withName("events"), JAVA_SHORT.withName("revents"));
    static final VarHandle POLLFD_FD = POLLFD.varHandle(MemoryLayout.PathElement.groupElement("fd"));
    static final VarHandle POLLFD_EVENTS = POLLFD.varHandle(MemoryLayout.PathElement.groupElement("events"));

    /** Process memory as one segment, so a native address read from a header is a plain offset. */
    static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    static final String PCAP_LIB_NAME = System.getProperty("org.pcap4j.core.pcapLibName", "pcap");

    /**
     * {@code int pcap_next_ex(pcap_t *, struct pcap_pkthdr **, const u_char **)}. Critical: it
     * neither blocks (files; live handles are put in non-blocking mode) nor calls back into Java,
     * so the JVM may skip the thread-state transition that costs most of a short downcall.
     */
    static final MethodHandle NEXT_EX;
    /** {@code char *pcap_geterr(pcap_t *)}. */
    static final MethodHandle GETERR;
    /** {@code FILE *pcap_file(pcap_t *)}: the stdio stream of a capture file. */
    static final MethodHandle FILE;
    /** {@code int pcap_datalink(pcap_t *)}. */
    static final MethodHandle DATALINK;
    /** {@code int pcap_snapshot(pcap_t *)}. */
    static final MethodHandle SNAPSHOT;
    /** {@code int pcap_get_tstamp_precision(pcap_t *)}. */
    static final MethodHandle TSTAMP_PRECISION;
    /** {@code int pcap_get_selectable_fd(pcap_t *)}. */
    static final MethodHandle SELECTABLE_FD;
    /** libc {@code long ftell(FILE *)}. */
    static final MethodHandle FTELL;
    /** libc {@code int poll(struct pollfd *, nfds_t, int)}; records errno for EINTR. */
    static final MethodHandle POLL;
    /** Layout of the errno capture segment {@link #POLL} writes. */
    static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final Field PCAP4J_HANDLE_FIELD;

    static {
        if (ADDRESS.byteSize() != 8 || Linker.nativeLinker().canonicalLayouts().get("long").byteSize() != 8) {
            throw new ExceptionInInitializerError("capture needs an LP64 platform (64-bit Linux)");
        }
        Linker linker = Linker.nativeLinker();
        NativeLibrary pcap = NativeLibrary.getInstance(PCAP_LIB_NAME);
        SymbolLookup libc = linker.defaultLookup();
        NEXT_EX = linker.downcallHandle(symbol(pcap, "pcap_next_ex"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS), Linker.Option.critical(false));
        GETERR = linker.downcallHandle(symbol(pcap, "pcap_geterr"), FunctionDescriptor.of(ADDRESS, ADDRESS));
        FILE = linker.downcallHandle(symbol(pcap, "pcap_file"), FunctionDescriptor.of(ADDRESS, ADDRESS));
        DATALINK = linker.downcallHandle(symbol(pcap, "pcap_datalink"), FunctionDescriptor.of(JAVA_INT, ADDRESS));
        SNAPSHOT = linker.downcallHandle(symbol(pcap, "pcap_snapshot"), FunctionDescriptor.of(JAVA_INT, ADDRESS));
        TSTAMP_PRECISION = linker.downcallHandle(symbol(pcap, "pcap_get_tstamp_precision"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS));
        SELECTABLE_FD = linker.downcallHandle(symbol(pcap, "pcap_get_selectable_fd"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS));
        FTELL = linker.downcallHandle(libc.find("ftell").orElseThrow(), FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        POLL = linker.downcallHandle(libc.find("poll").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), Linker.Option.captureCallState("errno"));
        try {
            PCAP4J_HANDLE_FIELD = PcapHandle.class.getDeclaredField("handle");
            PCAP4J_HANDLE_FIELD.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExceptionInInitializerError("pcap4j's PcapHandle has no accessible 'handle' field "
                    + "(pcap4j 1.8.2 is required): " + e);
        }
    }

    private NativePcap() {
    }

    private static MemorySegment symbol(NativeLibrary lib, String name) {
        return MemorySegment.ofAddress(Pointer.nativeValue(lib.getFunction(name)));
    }

    /** The {@code pcap_t *} behind a pcap4j handle, read once when a source opens. */
    static MemorySegment pcapOf(PcapHandle handle) {
        try {
            Pointer p = (Pointer) PCAP4J_HANDLE_FIELD.get(handle);
            long address = Pointer.nativeValue(p);
            if (address == 0) {
                throw new IllegalStateException("pcap4j handle has no native pcap_t");
            }
            return MemorySegment.ofAddress(address);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read pcap4j's native handle", e);
        }
    }

    static int datalink(MemorySegment pcap) {
        return callInt(DATALINK, pcap);
    }

    static int snapshot(MemorySegment pcap) {
        return callInt(SNAPSHOT, pcap);
    }

    static int tstampPrecision(MemorySegment pcap) {
        return callInt(TSTAMP_PRECISION, pcap);
    }

    static int selectableFd(MemorySegment pcap) {
        return callInt(SELECTABLE_FD, pcap);
    }

    /** libpcap's last error text for this handle. */
    static String geterr(MemorySegment pcap) {
        try {
            MemorySegment s = (MemorySegment) GETERR.invokeExact(pcap);
            return s.reinterpret(Integer.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The read position of a capture file's stream, or -1 when the handle has no file. */
    static long filePosition(MemorySegment pcap) {
        try {
            MemorySegment file = (MemorySegment) FILE.invokeExact(pcap);
            if (file.address() == 0) {
                return -1;
            }
            return (long) FTELL.invokeExact(file);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static int callInt(MethodHandle h, MemorySegment pcap) {
        try {
            return (int) h.invokeExact(pcap);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Downcalls throw nothing checked; anything that escapes is a bug worth its own stack trace. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
