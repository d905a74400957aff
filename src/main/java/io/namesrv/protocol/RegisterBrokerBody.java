package io.namesrv.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The body of REGISTER_BROKER. {@code filterServerList} null means "not sent" (the name server
 * then keeps what it had), an empty list means "none". Encoded and decoded by
 * {@link RegisterBrokerBodyCodec}.
 */
public record RegisterBrokerBody(TopicConfigSerializeWrapper topicConfigSerializeWrapper, List<String> filterServerList) {

    public RegisterBrokerBody {
        filterServerList = Immutables.list(filterServerList);
    }

    /**
     * What Apache registers when REGISTER_BROKER carries no body: version {0,0,0}, no topics and
     * an empty filter-server list.
     */
    public static RegisterBrokerBody empty() {
        TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper(
                new DataVersion(0L, 0L, 0L), new HashMap<>(), null, new HashMap<>(), null);
        return new RegisterBrokerBody(wrapper, new ArrayList<>());
    }
}
