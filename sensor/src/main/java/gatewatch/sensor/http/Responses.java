package gatewatch.sensor.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;

/**
 * Complete responses with {@code Content-Type} and {@code Content-Length}, which keep-alive needs:
 * without a length the client can only find the end of the body by the connection closing.
 */
final class Responses {
    static final String TEXT = "text/plain; charset=utf-8";
    static final String JSON = "application/json";

    private Responses() {
    }

    /** A one-line text body (a newline is added, so it prints cleanly with curl). */
    static FullHttpResponse text(HttpResponseStatus status, String line) {
        return of(status, TEXT, Unpooled.copiedBuffer(line + "\n", StandardCharsets.UTF_8));
    }

    static FullHttpResponse json(HttpResponseStatus status, byte[] body) {
        return of(status, JSON, Unpooled.wrappedBuffer(body));
    }

    static FullHttpResponse of(HttpResponseStatus status, CharSequence contentType, ByteBuf body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        return r;
    }

    /** 405 with the {@code Allow} header RFC 9110 asks for. */
    static FullHttpResponse methodNotAllowed(String method, String path, String allowed) {
        FullHttpResponse r = text(HttpResponseStatus.METHOD_NOT_ALLOWED,
                method + " is not allowed on " + path + "; use " + allowed);
        r.headers().set(HttpHeaderNames.ALLOW, allowed);
        return r;
    }

    /**
     * True for the end of a response that answers a request: a {@code 100 Continue} is a whole
     * message too, but the request it answers is still to come.
     */
    static boolean isFinalEnd(Object msg) {
        return msg instanceof LastHttpContent
                && !(msg instanceof HttpResponse r && r.status().codeClass() == HttpStatusClass.INFORMATIONAL);
    }

    /** Marks the response as the last on its connection. */
    static FullHttpResponse closing(FullHttpResponse r) {
        r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return r;
    }
}
