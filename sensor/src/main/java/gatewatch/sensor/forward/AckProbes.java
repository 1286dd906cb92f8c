package gatewatch.sensor.forward;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an {@link AckProbe} for a new connection: the kernel's TCP_INFO when this is Linux and
 * the socket can be found, otherwise bytes the kernel accepted (and a warning, once per
 * forwarder, that delivery over this connection is then only as good as "written").
 */
class AckProbes {
    private static final Logger log = LoggerFactory.getLogger(AckProbes.class);

    private final String name;
    private final SocketFdLocator locator;
    private final Optional<LinuxTcpInfo> tcpInfo;
    private boolean warned;

    AckProbes(String name) {
        this(name, new SocketFdLocator(), LinuxTcpInfo.open());
    }

    AckProbes(String name, SocketFdLocator locator, Optional<LinuxTcpInfo> tcpInfo) {
        this.name = name;
        this.locator = locator;
        this.tcpInfo = tcpInfo;
    }

    /** Called on the event loop when the channel becomes active, before anything is written. */
    AckProbe open(Channel channel, WrittenBytesCounter counter) {
        if (tcpInfo.isPresent() && channel.localAddress() instanceof InetSocketAddress local
                && channel.remoteAddress() instanceof InetSocketAddress remote) {
            OptionalInt fd = locator.find(local, remote);
            if (fd.isPresent()) {
                Optional<LinuxTcpInfo.Info> start = tcpInfo.get().read(fd.getAsInt());
                if (start.isPresent()) {
                    return new KernelAckProbe(tcpInfo.get(), fd.getAsInt(), start.get().bytesAcked());
                }
            }
        }
        if (!warned) {
            warned = true;
            log.warn("forwarder {}: cannot read TCP acknowledgements here (needs Linux TCP_INFO); "
                    + "alerts count as delivered once written, and a receiver outage may lose some", name);
        }
        return new WrittenBytesProbe(counter);
    }

    /** TCP_INFO of one socket, relative to the bytes acknowledged when the probe was opened. */
    private record KernelAckProbe(LinuxTcpInfo tcpInfo, int fd, long baseline) implements AckProbe {
        @Override
        public Reading read() {
            return tcpInfo.read(fd)
                    .map(info -> new Reading(info.bytesAcked() - baseline, info.peerGone(), info.reset()))
                    // The call failing on an open socket is not expected; claim nothing.
                    .orElse(new Reading(0, true, false));
        }

        @Override
        public boolean kernelBacked() {
            return true;
        }
    }

    private record WrittenBytesProbe(WrittenBytesCounter counter) implements AckProbe {
        @Override
        public Reading read() {
            return new Reading(counter.accepted(), false, false);
        }

        @Override
        public boolean kernelBacked() {
            return false;
        }
    }
}
