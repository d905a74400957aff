package io.namesrv.namesrv.processor;

import io.namesrv.common.LoggerNames;
import io.namesrv.namesrv.kvconfig.KVConfigManager;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.TopicRouteData;
import io.namesrv.protocol.header.GetRouteInfoRequestHeader;
import io.namesrv.remoting.RemotingException;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route lookup in {@code clusterTest} mode (Apache 4.9 semantics): a topic this server does
 * not know is looked up in the product-environment name servers instead.
 */
public class ClusterTestRequestProcessor extends ClientRequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.NAMESRV);
    private static final long TIMEOUT_MILLIS = 3000;

    private final NettyRemotingClient productEnvClient;
    private final JsonBodies json;

    public ClusterTestRequestProcessor(RouteInfoManager routeInfoManager, KVConfigManager kvConfigManager,
                                       ClientRequestSettings settings, JsonBodies json, BooleanSupplier servesRoutes,
                                       NettyRemotingClient productEnvClient) {
        super(routeInfoManager, kvConfigManager, settings, json, servesRoutes);
        this.productEnvClient = productEnvClient;
        this.json = json;
    }

    /** A topic this server does not know: ask the product environment, as Apache's clusterTest mode does. */
    @Override
    protected TopicRouteData routeElsewhere(String topic) {
        if (topic == null) {
            return null;
        }
        try {
            RemotingCommand request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC,
                new GetRouteInfoRequestHeader(topic, true));
            RemotingCommand response = productEnvClient.invokeSync(null, request, TIMEOUT_MILLIS);
            if (response.getCode() == ResponseCode.SUCCESS && response.getBody() != null) {
                return json.decode(response.getBody(), TopicRouteData.class);
            }
        } catch (RemotingException e) {
            LOG.warn("get route info of {} from the product environment failed: {}", topic, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
