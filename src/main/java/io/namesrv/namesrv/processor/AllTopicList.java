package io.namesrv.namesrv.processor;

import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.TopicList;
import java.util.Set;

/**
 * GET_ALL_TOPIC_LIST_FROM_NAMESERVER's body, encoded once per change of the set of topics (not of
 * their queues), straight from the live topic names: no copy of a million names, no lock held
 * while they are written. A list too large for one frame is not sent: a client's decoder would
 * drop the connection (and every other call on it) and the call would time out, which is what
 * Apache's name server makes its clients do; instead the answer is an error that says why.
 */
final class AllTopicList {

    /** The encoded list, or (body null) how many topics and at least how many bytes it would have. */
    record Answer(byte[] body, int topics, long bytes) {

        boolean tooLarge() {
            return body == null;
        }
    }

    private final RouteInfoManager routes;
    private final JsonBodies json;
    private final int maxBodyBytes;
    private final VersionedBody<Answer> current;

    AllTopicList(RouteInfoManager routes, JsonBodies json, int maxBodyBytes) {
        this.routes = routes;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        this.current = new VersionedBody<>(routes::topicSetVersion, this::build);
    }

    Answer get() {
        return current.get();
    }

    private Answer build() {
        long version = routes.topicSetVersion();
        Set<String> names = routes.topicNamesView();
        int count = names.size();
        // Every name costs at least its length plus two quotes and a comma: when even that is too
        // much, nothing is encoded.
        long atLeast = "{\"topicList\":[]}".length();
        for (String name : names) {
            atLeast += name.length() + 3;
        }
        if (atLeast > maxBodyBytes) {
            return new Answer(null, count, atLeast);
        }
        byte[] body = json.encode(TopicList.of(names));
        if (routes.topicSetVersion() != version) {
            // Topics came or went while the names were written: take a consistent copy instead.
            TopicList copy = routes.getAllTopicList();
            count = copy.topicList().size();
            body = json.encode(copy);
        }
        return body.length > maxBodyBytes ? new Answer(null, count, body.length) : new Answer(body, count, body.length);
    }
}
