package gatewatch.sensor.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.function.Supplier;

/**
 * {@code GET /healthz}: 200 {@code ok}, or 503 with the one-line reason. A check that throws is
 * itself a reason for 503, so a broken check never reads as healthy.
 */
final class HealthResponder extends SimpleChannelInboundHandler<Route.Probe> {
    private final Supplier<Health> health;

    HealthResponder(Supplier<Health> health) {
        this.health = health;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Route.Probe probe) {
        Health h;
        try {
            h = health.get();
        } catch (RuntimeException e) {
            h = Health.unhealthy("health check failed: " + e);
        }
        HttpResponseStatus status = h.healthy() ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE;
        ctx.writeAndFlush(Responses.text(status, h.reason()));
    }
}
