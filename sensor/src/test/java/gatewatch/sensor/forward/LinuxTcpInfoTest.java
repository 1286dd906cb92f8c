package gatewatch.sensor.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The facts the TCP forwarders rest on, checked against this kernel on loopback: the peer's ACKs
 * counted by {@code tcpi_bytes_acked} equal what a peer that closed cleanly had read, and data
 * sent after its FIN is never acknowledged.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LinuxTcpInfoTest {

    @Test
    void bytesAckedIsWhatACleanlyClosingPeerRead() throws Exception {
        Optional<LinuxTcpInfo> tcpInfo = LinuxTcpInfo.open();
        assumeTrue(tcpInfo.isPresent(), "TCP_INFO needs Linux");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket server = new ServerSocket(0, 1, loopback);
             Socket client = new Socket(loopback, server.getLocalPort());
             Socket accepted = server.accept()) {
            OptionalInt fd = new SocketFdLocator().find((InetSocketAddress) client.getLocalSocketAddress(),
                    (InetSocketAddress) client.getRemoteSocketAddress());
            assertThat(fd).isPresent();
            LinuxTcpInfo.Info start = tcpInfo.get().read(fd.getAsInt()).orElseThrow();
            assertThat(start.peerGone()).isFalse();

            OutputStream out = client.getOutputStream();
            out.write(new byte[100]);
            out.flush();
            InputStream in = accepted.getInputStream();
            assertThat(in.readNBytes(100)).hasSize(100);
            accepted.close(); // nothing unread: a FIN, not a RST

            assertThat(client.getInputStream().read()).isEqualTo(-1);
            LinuxTcpInfo.Info afterFin = tcpInfo.get().read(fd.getAsInt()).orElseThrow();
            assertThat(afterFin.state()).isEqualTo(LinuxTcpInfo.TCP_CLOSE_WAIT);
            assertThat(afterFin.peerGone()).isTrue();
            assertThat(afterFin.bytesAcked() - start.bytesAcked()).isEqualTo(100);

            out.write(new byte[50]); // the kernel takes it; the closed peer answers with RST
            out.flush();
            LinuxTcpInfo.Info afterReset = awaitState(tcpInfo.get(), fd.getAsInt(), LinuxTcpInfo.TCP_CLOSE);
            assertThat(afterReset.bytesAcked() - start.bytesAcked()).isEqualTo(100);
        }
    }

    private static LinuxTcpInfo.Info awaitState(LinuxTcpInfo tcpInfo, int fd, int state) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            LinuxTcpInfo.Info info = tcpInfo.read(fd).orElseThrow();
            if (info.state() == state) {
                return info;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("socket never reached state " + state);
    }
}
