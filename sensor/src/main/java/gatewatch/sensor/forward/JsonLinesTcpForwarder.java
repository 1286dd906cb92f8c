package gatewatch.sensor.forward;

import gatewatch.sensor.forward.jsonl.JsonLineEncoder;
import io.netty.channel.EventLoopGroup;
import java.util.List;
import java.util.SplittableRandom;

/**
 * JSON Lines over TCP: each alert as one line, the same bytes as the alert log. Sent means taken by
 * the kernel; the last ones are sent again after a reconnect (see {@link StreamDeliveryHandler}). Connects at once, on an
 * event loop of the caller's group, which the caller keeps and shuts down.
 */
public final class JsonLinesTcpForwarder extends ForwarderBase implements Forwarder {
    private final TcpStreamEngine engine;

    public JsonLinesTcpForwarder(JsonLinesTcpConfig config, EventLoopGroup group) {
        super(config.target(), group);
        this.engine = new TcpStreamEngine(config.target(), core, () -> List.of(new JsonLineEncoder()), new SplittableRandom());
    }

    @Override
    void pump() {
        if (engine != null) { // null only while constructing
            engine.pump();
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
