package gatewatch.sensor.forward;

import io.netty.channel.Channel;
import java.util.Optional;

/** Acknowledgements set by the test, for driving {@link StreamDeliveryHandler} without a socket. */
final class FakeAckProbes extends AckProbes {
    long acked;
    boolean peerGone;
    boolean reset;
    int opened;

    FakeAckProbes() {
        super("test", new SocketFdLocator(), Optional.empty());
    }

    @Override
    AckProbe open(Channel channel, WrittenBytesCounter counter) {
        opened++;
        acked = 0;
        peerGone = false;
        reset = false;
        return new AckProbe() {
            @Override
            public Reading read() {
                return new Reading(acked, peerGone || reset, reset);
            }

            @Override
            public boolean kernelBacked() {
                return true;
            }
        };
    }
}
