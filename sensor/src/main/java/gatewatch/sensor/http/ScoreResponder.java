package gatewatch.sensor.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/score}: parses and scores on the scoring executor, never on the event loop (a
 * large batch takes milliseconds that would stall every scrape on this loop), then answers on the
 * loop. A full executor queue is 503: the client should retry later, nothing is queued without bound.
 */
final class ScoreResponder extends SimpleChannelInboundHandler<Route.Score> {
    private static final Logger LOG = LoggerFactory.getLogger(ScoreResponder.class);

    private final ScoreService service;
    private final ExecutorService executor;

    ScoreResponder(ScoreService service, ExecutorService executor) {
        this.service = service;
        this.executor = executor;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Route.Score request) {
        try {
            executor.execute(() -> {
                FullHttpResponse response = answer(request);
                ctx.writeAndFlush(response);
            });
        } catch (RejectedExecutionException e) {
            ctx.writeAndFlush(Responses.text(HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "the scoring API is busy with other requests; retry shortly"));
        }
    }

    private FullHttpResponse answer(Route.Score request) {
        try {
            return Responses.json(HttpResponseStatus.OK, service.score(request.contentType(), request.body()));
        } catch (RequestRejected e) {
            return Responses.text(HttpResponseStatus.valueOf(e.status()), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("scoring request failed", e);
            return Responses.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "scoring failed: " + e);
        }
    }
}
