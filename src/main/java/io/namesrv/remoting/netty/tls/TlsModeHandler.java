package io.namesrv.remoting.netty.tls;

import io.namesrv.common.LoggerNames;
import io.namesrv.remoting.RemotingHelper;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the first byte of a connection: 0x16 starts a TLS handshake. Depending on the mode
 * the connection then gets an {@link SslHandler}, goes on in plain text, or is closed. It removes
 * itself after that one decision.
 */
public final class TlsModeHandler extends ByteToMessageDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.REMOTING);
    private static final byte HANDSHAKE_MAGIC = 0x16;
    public static final String SSL_HANDLER_NAME = "sslHandler";

    private final TlsMode mode;
    private final Supplier<SslContext> sslContext;

    /** {@code sslContext} is asked only when a client starts a TLS handshake; null refuses it. */
    public TlsModeHandler(TlsMode mode, Supplier<SslContext> sslContext) {
        this.mode = mode;
        this.sslContext = sslContext;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            return;
        }
        boolean tls = in.getByte(in.readerIndex()) == HANDSHAKE_MAGIC;
        String remote = RemotingHelper.remoteAddr(ctx.channel());
        if (tls) {
            SslContext context = mode == TlsMode.DISABLED ? null : sslContext.get();
            if (context == null) {
                LOG.warn("TLS handshake from {} refused: TLS is disabled on this server", remote);
                in.skipBytes(in.readableBytes());
                ctx.close();
                return;
            }
            ctx.pipeline().addAfter(ctx.name(), SSL_HANDLER_NAME, context.newHandler(ctx.alloc()));
        } else if (mode == TlsMode.ENFORCING) {
            LOG.warn("plain-text connection from {} refused: TLS is enforced on this server", remote);
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        ctx.pipeline().remove(this);
    }
}
