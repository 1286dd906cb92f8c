package gatewatch.sensor.forward;

import java.util.Objects;

/** A JSON-lines-over-TCP forwarder: where to, and its bounds. */
public record JsonLinesTcpConfig(TargetConfig target) {
    public JsonLinesTcpConfig {
        Objects.requireNonNull(target, "target is missing");
    }
}
