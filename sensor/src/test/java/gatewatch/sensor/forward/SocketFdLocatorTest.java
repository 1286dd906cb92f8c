package gatewatch.sensor.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding a socket's descriptor in a made-up {@code /proc}, with what the real one can list. */
class SocketFdLocatorTest {
    private static final String HEADER = "  sl  local_address                         remote_address"
            + "                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";
    /** 127.0.0.1 as a v4-mapped address, each 32-bit word little-endian, as the kernel writes it. */
    private static final String LOOPBACK6 = "0000000000000000FFFF00000100007F";
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 0xE126);
    private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 0x8175);

    @TempDir
    Path dir;
    private Path net;
    private Path fds;

    @BeforeEach
    void setUp() throws IOException {
        net = Files.createDirectories(dir.resolve("net"));
        fds = Files.createDirectories(dir.resolve("fd"));
        Files.createSymbolicLink(fds.resolve("3"), Path.of("pipe:[11]"));
        Files.createSymbolicLink(fds.resolve("41"), Path.of("socket:[777]"));
        Files.createSymbolicLink(fds.resolve("42"), Path.of("socket:[888]"));
    }

    private static String line(int sl, int localPort, int remotePort, String state, long inode) {
        return String.format("%4d: %s:%04X %s:%04X %s 00000000:00000000 00:00000000 00000000     0        0 %d 1 0000000000000000",
                sl, LOOPBACK6, localPort, LOOPBACK6, remotePort, state, inode);
    }

    private void tcp6(String... lines) throws IOException {
        List<String> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(List.of(lines));
        Files.write(net.resolve("tcp6"), all);
    }

    private OptionalInt find() {
        return new SocketFdLocator(net, fds).find(LOCAL, REMOTE);
    }

    @Test
    void findsTheDescriptorOfAnEstablishedV4MappedSocket() throws IOException {
        tcp6(line(0, 0x8175, 0xE126, "01", 888), // the peer's end: endpoints the other way round
                line(1, 0xE126, 0x8175, "01", 777));
        assertThat(find()).hasValue(41);
    }

    @Test
    void aTimeWaitWithTheSameEndpointsIsNotAnotherSocket() throws IOException {
        // Loopback reuses a 4-tuple still in TIME_WAIT; that entry has inode 0, before or after ours.
        tcp6(line(0, 0xE126, 0x8175, "06", 0), line(1, 0xE126, 0x8175, "01", 777));
        assertThat(find()).hasValue(41);
        tcp6(line(0, 0xE126, 0x8175, "01", 777), line(1, 0xE126, 0x8175, "06", 0));
        assertThat(find()).hasValue(41);
    }

    @Test
    void aLineRepeatedByATableThatChangedWhileReadIsOneSocket() throws IOException {
        tcp6(line(0, 0xE126, 0x8175, "01", 777), line(0, 0xE126, 0x8175, "01", 777));
        assertThat(find()).hasValue(41);
    }

    @Test
    void twoLiveSocketsWithTheSameEndpointsGiveNoDescriptorRatherThanAGuess() throws IOException {
        tcp6(line(0, 0xE126, 0x8175, "01", 777), line(1, 0xE126, 0x8175, "01", 888));
        assertThat(find()).isEmpty();
    }

    @Test
    void aSocketNotListedOrOwnedByNoDescriptorIsNotFound() throws IOException {
        tcp6(line(0, 0xE126, 0x8176, "01", 777));
        assertThat(find()).isEmpty();
        tcp6(line(0, 0xE126, 0x8175, "01", 999));
        assertThat(find()).isEmpty();
    }
}
