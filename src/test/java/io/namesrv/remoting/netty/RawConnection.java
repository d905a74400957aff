package io.namesrv.remoting.netty;

import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RemotingCommandCodec;
import io.namesrv.remoting.protocol.RemotingCommandException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A blocking socket that writes raw bytes or frames and reads frames, for tests of the wire. */
final class RawConnection implements AutoCloseable {

    private final Socket socket = new Socket();
    private final DataInputStream in;

    RawConnection(int port) throws IOException {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 3000);
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
    }

    static byte[] frame(RemotingCommand cmd) {
        ByteBuf buf = Unpooled.buffer();
        try {
            RemotingCommandCodec.encode(cmd, buf);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    void write(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    RemotingCommand read() throws IOException, RemotingCommandException {
        int length = in.readInt();
        byte[] rest = new byte[length];
        in.readFully(rest);
        return RemotingCommandCodec.decode(Unpooled.wrappedBuffer(rest));
    }

    /** True when the server closed the connection (EOF or reset) within the socket timeout. */
    boolean closedByPeer() throws IOException {
        try {
            return in.read() == -1;
        } catch (EOFException | java.net.SocketException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
