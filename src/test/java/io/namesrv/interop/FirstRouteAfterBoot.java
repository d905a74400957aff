package io.namesrv.interop;

import java.time.Duration;
import java.util.function.Predicate;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * How long after a name server's boot line Apache's admin client first gets a correct route,
 * asking every 20 ms, and what it got before: wrong answers (TOPIC_NOT_EXIST, or a route without
 * the broker: what clients of a cold name server see) and calls with no answer at all (the
 * client reconnecting). {@code firstAnswerMillis} is when the first answer of any kind came: the
 * client's own reconnection time, which the name server has no part in.
 */
record FirstRouteAfterBoot(long millis, long firstAnswerMillis, int wrongAnswers, int noAnswers, String firstWrong) {

    private static final long POLL_MILLIS = 20;

    static FirstRouteAfterBoot await(DefaultMQAdminExt admin, String topic, Predicate<TopicRouteData> correct,
                                     long bootNanos, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int wrong = 0;
        int none = 0;
        String firstWrong = null;
        long firstAnswer = -1;
        while (System.nanoTime() - deadline < 0) {
            try {
                TopicRouteData route = admin.examineTopicRouteInfo(topic);
                long now = (System.nanoTime() - bootNanos) / 1_000_000;
                firstAnswer = firstAnswer < 0 ? now : firstAnswer;
                if (correct.test(route)) {
                    return new FirstRouteAfterBoot(now, firstAnswer, wrong, none, firstWrong);
                }
                wrong++;
                firstWrong = firstWrong == null ? "route without the broker: " + route : firstWrong;
            } catch (MQClientException e) {
                firstAnswer = firstAnswer < 0 ? (System.nanoTime() - bootNanos) / 1_000_000 : firstAnswer;
                wrong++;
                firstWrong = firstWrong == null ? "code " + e.getResponseCode() + " " + e.getErrorMessage() : firstWrong;
            } catch (Exception e) {
                none++;
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new AssertionError("no correct route of " + topic + " within " + timeout + " after the boot line; "
            + wrong + " wrong answers (first: " + firstWrong + "), " + none + " without an answer");
    }
}
