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
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * A blocking loopback socket speaking frames by hand: it can send anything, well-formed or not,
 * read answers, and tell whether the server closed the connection. Shared by the remoting tests
 * and the name server's hardening tests.
 */
public final class WireClient implements AutoCloseable {

    private final Socket socket = new Socket();
    private final DataInputStream in;
    private final OutputStream out;
    private int nextOpaque = 1;

    public WireClient(int port) throws IOException {
        this(port, 5000);
    }

    public WireClient(int port, int readTimeoutMillis) throws IOException {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 3000);
        socket.setSoTimeout(readTimeoutMillis);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** The complete frame of {@code cmd}, length prefix included. */
    public static byte[] frame(RemotingCommand cmd) {
        ByteBuf buf = Unpooled.buffer();
        try {
            RemotingCommandCodec.encode(cmd, buf);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    public void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends {@code cmd} with a fresh opaque and returns that opaque. */
    public int send(RemotingCommand cmd) throws IOException {
        int opaque = nextOpaque++;
        cmd.setOpaque(opaque);
        writeRaw(frame(cmd));
        return opaque;
    }

    public RemotingCommand read() throws IOException {
        int length = in.readInt();
        byte[] rest = new byte[length];
        in.readFully(rest);
        try {
            return RemotingCommandCodec.decode(Unpooled.wrappedBuffer(rest));
        } catch (RemotingCommandException e) {
            throw new IOException("server sent an undecodable frame", e);
        }
    }

    /** Sends and reads the answer with the same opaque (skipping answers to earlier sends). */
    public RemotingCommand call(RemotingCommand cmd) throws IOException {
        int opaque = send(cmd);
        while (true) {
            RemotingCommand answer = read();
            if (answer.getOpaque() == opaque) {
                return answer;
            }
        }
    }

    /** Like {@link #call}, unchecked, for lambdas. */
    public RemotingCommand callUnchecked(RemotingCommand cmd) {
        try {
            return call(cmd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the server closed the connection (EOF or reset) within the read timeout. */
    public boolean closedByPeer() throws IOException {
        try {
            while (true) {
                if (in.read() == -1) {
                    return true;
                }
            }
        } catch (EOFException | SocketException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    public void setReadTimeout(int millis) throws SocketException {
        socket.setSoTimeout(millis);
    }

    /** Closes with an RST, as a killed process's kernel would: no FIN, no goodbye. */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
