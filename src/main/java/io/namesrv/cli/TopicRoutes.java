package io.namesrv.cli;

import io.namesrv.protocol.TopicRouteData;
import io.namesrv.protocol.header.GetRouteInfoRequestHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;

/** GET_ROUTEINFO_BY_TOPIC (105) from the first name server that answers. */
final class TopicRoutes {

    private TopicRoutes() {
    }

    /** The topic's route; a topic the name server does not know is a clear error, not an empty route. */
    static TopicRouteData fetch(CommandContext ctx, String topic) throws CliException, InterruptedException {
        AdminClient.Answer answer = ctx.client().callAnyNameServer(() -> RemotingCommand.request(
            RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader(topic, null)));
        if (answer.response().getCode() == ResponseCode.TOPIC_NOT_EXIST) {
            throw new CliException("no route for topic '" + topic + "' on " + answer.addr());
        }
        if (answer.response().getCode() != ResponseCode.SUCCESS) {
            throw AdminClient.refused(answer.addr(), "GET_ROUTEINFO_BY_TOPIC", answer.response());
        }
        return ctx.bodies().decode(answer.response().getBody(), TopicRouteData.class);
    }
}
