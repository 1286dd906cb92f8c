package gatewatch.sensor.forward.http;

import gatewatch.sensor.forward.ForwardedAlert;
import gatewatch.sensor.forward.JsonText;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds the webhook's request for one batch: {@code POST path} with a JSON array of the alerts'
 * objects, and an {@code Idempotency-Key} header (draft-ietf-httpapi-idempotency-key-header)
 * that stays the same when the batch is sent again, so a receiver that keeps keys can drop the
 * copy of a batch whose response was lost.
 */
public final class WebhookRequests {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final String hostHeader;
    private final String path;

    public WebhookRequests(String host, int port, String path) {
        this.hostHeader = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        this.path = path;
    }

    public FullHttpRequest post(List<ForwardedAlert> batch, String idempotencyKey, ByteBufAllocator alloc) {
        ByteBuf body = alloc.buffer(batch.size() * 2048);
        body.writeByte('[');
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0) {
                body.writeByte(',');
            }
            body.writeCharSequence(JsonText.oneLine(batch.get(i).json()), StandardCharsets.UTF_8);
        }
        body.writeByte(']');
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, path, body);
        request.headers()
                .set(HttpHeaderNames.HOST, hostHeader)
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE)
                .set(IDEMPOTENCY_KEY, idempotencyKey);
        return request;
    }
}
