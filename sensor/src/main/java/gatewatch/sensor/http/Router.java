package gatewatch.sensor.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Maps a request to a {@link Route} by path and method, or answers it: 400 for a request the codec
 * could not read, 404 for an unknown path (also {@code /v1/score} when the scoring API is off, so
 * its existence is not advertised), 405 for a known path with the wrong method.
 */
final class Router extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String METRICS = "/metrics";
    static final String HEALTH = "/healthz";
    static final String SCORE = "/v1/score";

    private final boolean scoreApi;

    Router(boolean scoreApi) {
        this.scoreApi = scoreApi;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            // The codec cannot tell where the next request would start: answer and close.
            ctx.writeAndFlush(Responses.closing(Responses.text(HttpResponseStatus.BAD_REQUEST,
                    "malformed HTTP request: " + request.decoderResult().cause().getMessage())))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        HttpMethod method = request.method();
        switch (path) {
            case METRICS -> {
                if (method.equals(HttpMethod.GET)) {
                    ctx.fireChannelRead(new Route.Scrape(request.headers().get(HttpHeaderNames.ACCEPT)));
                } else {
                    ctx.writeAndFlush(Responses.methodNotAllowed(method.name(), path, "GET"));
                }
            }
            case HEALTH -> {
                if (method.equals(HttpMethod.GET)) {
                    ctx.fireChannelRead(new Route.Probe());
                } else {
                    ctx.writeAndFlush(Responses.methodNotAllowed(method.name(), path, "GET"));
                }
            }
            case SCORE -> {
                if (!scoreApi) {
                    notFound(ctx, path);
                } else if (method.equals(HttpMethod.POST)) {
                    ctx.fireChannelRead(new Route.Score(request.headers().get(HttpHeaderNames.CONTENT_TYPE),
                            ByteBufUtil.getBytes(request.content())));
                } else {
                    ctx.writeAndFlush(Responses.methodNotAllowed(method.name(), path, "POST"));
                }
            }
            default -> notFound(ctx, path);
        }
    }

    private void notFound(ChannelHandlerContext ctx, String path) {
        ctx.writeAndFlush(notFound(path, scoreApi));
    }

    static FullHttpResponse notFound(String path, boolean scoreApi) {
        String known = scoreApi ? METRICS + ", " + HEALTH + ", " + SCORE : METRICS + ", " + HEALTH;
        return Responses.text(HttpResponseStatus.NOT_FOUND, "no such path: " + path + " (serving " + known + ")");
    }

    /** The one method {@code path} is served with, or null for a path not served. */
    static HttpMethod methodOf(String path, boolean scoreApi) {
        return switch (path) {
            case METRICS, HEALTH -> HttpMethod.GET;
            case SCORE -> scoreApi ? HttpMethod.POST : null;
            default -> null;
        };
    }
}
