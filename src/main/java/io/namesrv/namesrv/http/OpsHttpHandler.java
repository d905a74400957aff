package io.namesrv.namesrv.http;

import io.namesrv.common.LoggerNames;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Netty's side of {@link OpsEndpoints}: GET and HEAD only, keep-alive honoured, nothing cached. */
@ChannelHandler.Sharable
final class OpsHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.NAMESRV);
    /** The page loads only its own script and style and talks only to this server. */
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
        + " img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final OpsEndpoints endpoints;
    private final HttpAccess access;

    OpsHttpHandler(OpsEndpoints endpoints, HttpAccess access) {
        this.endpoints = endpoints;
        this.access = access;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        HttpAnswer answer;
        boolean head = HttpMethod.HEAD.equals(request.method());
        if (!request.decoderResult().isSuccess()) {
            answer = HttpAnswer.json(400, "{\"error\":\"bad request\"}");
        } else if (!head && !HttpMethod.GET.equals(request.method())) {
            answer = HttpAnswer.json(405, "{\"error\":\"read-only: GET and HEAD only\"}");
        } else {
            try {
                QueryStringDecoder uri = new QueryStringDecoder(request.uri(), StandardCharsets.UTF_8);
                // Clients and brokers fetch the address service without credentials, as they fetch any address server.
                answer = HttpAccess.OPEN_PATHS.contains(uri.path()) || endpoints.isAddressService(uri.path())
                    || access.allows(request.headers().get(HttpHeaderNames.AUTHORIZATION))
                    ? endpoints.get(uri.path(), uri.parameters())
                    : HttpAnswer.json(401, "{\"error\":\"authentication is on: give an access key and its secret key"
                        + " (HTTP Basic)\"}");
            } catch (RuntimeException e) {
                LOG.warn("HTTP {} failed", request.uri(), e);
                answer = HttpAnswer.json(500, "{\"error\":\"internal error\"}");
            }
        }
        FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(),
            HttpResponseStatus.valueOf(answer.status()), head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(answer.body()));
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, answer.contentType())
            .set(HttpHeaderNames.CONTENT_LENGTH, answer.body().length)
            .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
            .set("X-Content-Type-Options", "nosniff")
            .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CSP);
        if (answer.status() == 405) {
            response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
        }
        if (answer.status() == 401) {
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"namesrv\", charset=\"UTF-8\"");
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
        if (keepAlive) {
            if (!request.protocolVersion().isKeepAliveDefault()) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            }
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("HTTP connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
