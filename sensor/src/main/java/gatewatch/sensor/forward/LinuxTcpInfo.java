package gatewatch.sensor.forward;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * {@code getsockopt(fd, IPPROTO_TCP, TCP_INFO)} through the FFM API: the kernel's count of bytes
 * the peer acknowledged ({@code tcpi_bytes_acked}, Linux 4.1+) and the connection state.
 *
 * <p>The offsets are those of {@code struct tcp_info} in {@code linux/tcp.h}, which only ever
 * grows at its end; a kernel that returns fewer bytes than {@code bytes_acked} needs is reported
 * as unsupported rather than read wrongly.
 */
final class LinuxTcpInfo {
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_INFO = 11;
    private static final int STATE_OFFSET = 0;
    private static final int BYTES_ACKED_OFFSET = 120;
    private static final int MIN_LENGTH = BYTES_ACKED_OFFSET + 8;
    private static final int BUFFER_LENGTH = 256;

    /** {@code tcpi_state} values (include/net/tcp_states.h) after which no more data is acknowledged. */
    static final int TCP_CLOSE = 7;
    static final int TCP_CLOSE_WAIT = 8;
    static final int TCP_LAST_ACK = 9;

    /** One reading of the struct. */
    record Info(int state, long bytesAcked) {
        /** The peer has sent FIN, or the connection was reset. */
        boolean peerGone() {
            return state == TCP_CLOSE || state == TCP_CLOSE_WAIT || state == TCP_LAST_ACK;
        }

        /** Closed by a RST (a FIN leaves the socket in CLOSE_WAIT until we close it). */
        boolean reset() {
            return state == TCP_CLOSE;
        }
    }

    private final MethodHandle getsockopt;
    private final MemorySegment buffer;
    private final MemorySegment length;

    private LinuxTcpInfo(MethodHandle getsockopt, Arena arena) {
        this.getsockopt = getsockopt;
        this.buffer = arena.allocate(BUFFER_LENGTH, 8);
        this.length = arena.allocate(ValueLayout.JAVA_INT);
    }

    /** A reader with its own buffers (use from one thread), or empty off Linux. */
    static Optional<LinuxTcpInfo> open() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle handle = linker.defaultLookup().find("getsockopt")
                    .map(symbol -> linker.downcallHandle(symbol, FunctionDescriptor.of(ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                            ValueLayout.ADDRESS, ValueLayout.ADDRESS)))
                    .orElse(null);
            return handle == null ? Optional.empty() : Optional.of(new LinuxTcpInfo(handle, Arena.ofAuto()));
        } catch (RuntimeException | LinkageError e) {
            // Native access refused (--enable-native-access not given and denied): no probe.
            return Optional.empty();
        }
    }

    /** Reads the socket's TCP_INFO, or empty when the call fails or the struct is too short. */
    Optional<Info> read(int fd) {
        length.set(ValueLayout.JAVA_INT, 0, BUFFER_LENGTH);
        int rc;
        try {
            rc = (int) getsockopt.invokeExact(fd, IPPROTO_TCP, TCP_INFO, buffer, length);
        } catch (Throwable t) {
            return Optional.empty();
        }
        if (rc != 0 || length.get(ValueLayout.JAVA_INT, 0) < MIN_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new Info(Byte.toUnsignedInt(buffer.get(ValueLayout.JAVA_BYTE, STATE_OFFSET)),
                buffer.get(ValueLayout.JAVA_LONG, BYTES_ACKED_OFFSET)));
    }
}
