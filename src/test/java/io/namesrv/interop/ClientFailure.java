package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.fail;

import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;

/**
 * The response code and remark an Apache client call failed with. Apache's client wraps a name
 * server's non-SUCCESS answer in {@link MQClientException} or {@link MQBrokerException},
 * depending on the call; both carry the code and the remark unchanged.
 */
record ClientFailure(int code, String remark) {

    interface Call {
        void run() throws Exception;
    }

    /** Runs {@code call}, which must fail with a name-server answer; returns that answer. */
    static ClientFailure of(Call call) {
        try {
            call.run();
        } catch (MQClientException e) {
            return new ClientFailure(e.getResponseCode(), e.getErrorMessage());
        } catch (MQBrokerException e) {
            return new ClientFailure(e.getResponseCode(), e.getErrorMessage());
        } catch (Exception e) {
            throw new AssertionError("expected a name-server error answer, got " + e, e);
        }
        return fail("expected the call to fail with a name-server error answer, but it succeeded");
    }
}
