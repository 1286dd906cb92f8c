package gatewatch.sensor.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code GET /metrics}: the registry in the Prometheus text format 0.0.4, or OpenMetrics 1.0 when
 * the Accept header asks for {@code application/openmetrics-text} (as a Prometheus server does).
 *
 * <p>Scrapes on the event loop: the meters read counters the stages keep, so a scrape is a walk
 * over a few hundred numbers, not work worth a thread hop.
 */
final class MetricsResponder extends SimpleChannelInboundHandler<Route.Scrape> {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsResponder(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Route.Scrape scrape) {
        String type = contentType(scrape.accept());
        ByteBuf body = ctx.alloc().buffer(16 * 1024);
        try (OutputStream out = new ByteBufOutputStream(body)) {
            registry.scrape(out, type);
        } catch (IOException | RuntimeException e) {
            body.release();
            ctx.writeAndFlush(Responses.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "scrape failed: " + e));
            return;
        }
        ctx.writeAndFlush(Responses.of(HttpResponseStatus.OK, type, body));
    }

    /** The format to answer in; the registry picks its writer by the same string. */
    static String contentType(String accept) {
        return accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS_TEXT : PROMETHEUS_TEXT;
    }
}
