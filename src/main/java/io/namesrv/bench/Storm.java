package io.namesrv.bench;

import io.namesrv.protocol.DataVersion;
import io.namesrv.remoting.RemotingException;
import io.namesrv.remoting.netty.InvokeCallback;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A registration storm: {@value #IN_FLIGHT} chains of asynchronous re-registrations of
 * {@value #BROKERS} brokers with {@value #TOPICS} topics each, every call a new data version, so
 * that the server's default executor is full (answering SYSTEM_BUSY) while another phase measures
 * route lookups. Route lookups have their own executor on both servers; the phase shows what the
 * storm costs them. The brokers are unregistered with the fleet.
 */
final class Storm implements AutoCloseable {

    static final int BROKERS = 8;
    static final int TOPICS = 300;
    private static final int IN_FLIGHT = 64;
    private static final long TIMEOUT_MILLIS = 10_000;

    private final BenchClients clients;
    private final List<RemotingCommand> calls = new ArrayList<>();
    private final LongAdder success = new LongAdder();
    private final LongAdder busy = new LongAdder();
    private final LongAdder other = new LongAdder();
    private volatile boolean stopped;

    Storm(BenchClients clients, Fleet fleet, Requests requests) {
        this.clients = clients;
        List<BrokerSpec> brokers = new ArrayList<>();
        for (int b = 0; b < BROKERS; b++) {
            List<String> topics = new ArrayList<>(TOPICS);
            for (int t = 0; t < TOPICS; t++) {
                topics.add("BenchStormTopic_" + b + "_" + t);
            }
            brokers.add(new BrokerSpec(Fleet.CLUSTER, "BenchStormBroker_" + b, 0, "127.0.0.1:" + (19_100 + b),
                List.copyOf(topics)));
        }
        fleet.willRegister(clients, brokers);
        DataVersion version = DataVersion.fresh();
        for (BrokerSpec broker : brokers) {
            calls.add(requests.register(requests.registration(broker, version, false)));
            version = version.next();
        }
    }

    /** Starts the chains; each sends its next registration when the last one is answered. */
    Storm start() {
        for (int i = 0; i < IN_FLIGHT; i++) {
            send(i, i);
        }
        return this;
    }

    private void send(int chain, int n) {
        if (stopped) {
            return;
        }
        RemotingCommand template = calls.get(n % calls.size());
        RemotingCommand call = RemotingCommand.request(template.getCode(), null)
            .setExtFields(template.getExtFields()).setBody(template.getBody());
        try {
            clients.callAsync(chain, call, TIMEOUT_MILLIS, new InvokeCallback() {
                @Override
                public void onSuccess(RemotingCommand response) {
                    (response.getCode() == ResponseCode.SUCCESS ? success
                        : response.getCode() == ResponseCode.SYSTEM_BUSY ? busy : other).increment();
                    send(chain, n + IN_FLIGHT);
                }

                @Override
                public void onFailure(RemotingException cause) {
                    other.increment();
                    send(chain, n + IN_FLIGHT);
                }
            });
        } catch (RemotingException e) {
            other.increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return String.format("storm: %d registrations applied, %d answered SYSTEM_BUSY, %d failed", success.sum(),
            busy.sum(), other.sum());
    }

    @Override
    public void close() {
        stopped = true;
    }
}
