package io.namesrv.cli;

import io.namesrv.remoting.RemotingConnectException;
import io.namesrv.remoting.RemotingException;
import io.namesrv.remoting.RemotingTimeoutException;
import io.namesrv.remoting.netty.NettyClientConfig;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import io.namesrv.remoting.protocol.SerializeType;
import java.util.List;
import java.util.function.Supplier;

/**
 * mqadmin's way to the wire: one remoting client for the whole run, the resolved name servers,
 * optional ACL signing, and failures turned into messages that name the server.
 */
public final class AdminClient implements AutoCloseable {

    private final NettyRemotingClient client;
    private final List<String> nameServers;
    private final AclSigner signer;
    private final long timeoutMillis;

    public AdminClient(List<String> nameServers, AclSigner signer, long timeoutMillis) {
        NettyClientConfig config = new NettyClientConfig();
        config.setClientWorkerThreads(1);
        config.setConnectTimeoutMillis((int) Math.min(timeoutMillis, 3000));
        this.client = new NettyRemotingClient(config, new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON));
        this.nameServers = List.copyOf(nameServers);
        this.signer = signer;
        this.timeoutMillis = timeoutMillis;
    }

    public List<String> nameServers() {
        return nameServers;
    }

    /**
     * Sends to one server and returns its answer, whatever the response code. {@code request}
     * builds a fresh command per call because sending stamps it (opaque, signature).
     */
    public RemotingCommand call(String addr, Supplier<RemotingCommand> request) throws CliException, InterruptedException {
        RemotingCommand cmd = request.get();
        if (signer != null) {
            signer.sign(cmd);
        }
        try {
            return client.invokeSync(addr, cmd, timeoutMillis);
        } catch (RemotingConnectException e) {
            throw new CliException("cannot connect to " + addr + " (is the server running and the address right?)", e);
        } catch (RemotingTimeoutException e) {
            client.closeChannel(addr);
            throw new CliException(addr + " did not answer within " + timeoutMillis + " ms", e);
        } catch (RemotingException e) {
            throw new CliException("request to " + addr + " failed: " + e.getMessage(), e);
        }
    }

    /** Like {@link #call} but a non-SUCCESS answer is an error that quotes the server's remark. */
    public RemotingCommand callOk(String addr, String what, Supplier<RemotingCommand> request)
        throws CliException, InterruptedException {
        RemotingCommand response = call(addr, request);
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw refused(addr, what, response);
        }
        return response;
    }

    /**
     * Asks the name servers in order until one answers (as Apache's client fails over); a refusal
     * is final, only unreachable or silent servers are skipped.
     */
    public Answer callAnyNameServer(Supplier<RemotingCommand> request) throws CliException, InterruptedException {
        CliException last = null;
        for (String addr : nameServers) {
            try {
                return new Answer(addr, call(addr, request));
            } catch (CliException e) {
                last = e;
            }
        }
        throw last;
    }

    /** A name server's answer together with the server that gave it. */
    public record Answer(String addr, RemotingCommand response) {
    }

    public static CliException refused(String addr, String what, RemotingCommand response) {
        return new CliException(what + " refused by " + addr + ": " + describe(response));
    }

    /** "NO_PERMISSION (16): remark" */
    public static String describe(RemotingCommand response) {
        String remark = response.getRemark() == null ? "" : ": " + response.getRemark().strip();
        return codeName(response.getCode()) + " (" + response.getCode() + ")" + remark;
    }

    private static String codeName(int code) {
        return switch (code) {
            case ResponseCode.SUCCESS -> "SUCCESS";
            case ResponseCode.SYSTEM_ERROR -> "SYSTEM_ERROR";
            case ResponseCode.SYSTEM_BUSY -> "SYSTEM_BUSY";
            case ResponseCode.REQUEST_CODE_NOT_SUPPORTED -> "REQUEST_CODE_NOT_SUPPORTED";
            case ResponseCode.NO_PERMISSION -> "NO_PERMISSION";
            case ResponseCode.TOPIC_NOT_EXIST -> "TOPIC_NOT_EXIST";
            case ResponseCode.QUERY_NOT_FOUND -> "QUERY_NOT_FOUND";
            default -> "response code";
        };
    }

    @Override
    public void close() {
        client.close();
    }
}
