package io.namesrv.namesrv.processor;

import io.namesrv.protocol.RegisterBrokerBodyCodec;
import java.util.function.Consumer;

/**
 * What one REGISTER_BROKER may carry, checked before the route table is touched: the bytes its
 * body decodes to (the work of decoding it) and the topics it reports. {@code refusals} is told
 * the limit's key for every registration refused, whatever refused it (these limits or the route
 * table's), so /metrics can count them.
 */
public record RegistrationLimits(int maxTopicsPerRegistration, int maxRegistrationBodyBytes, Consumer<String> refusals) {

    /** The names the limits have in the configuration, in remarks and in /metrics. */
    public static final String TOPICS_PER_REGISTRATION = "maxTopicsPerRegistration";
    public static final String REGISTRATION_BODY_BYTES = "maxRegistrationBodyBytes";

    /** No limit but the codec's default inflated size; refusals counted nowhere. */
    public static final RegistrationLimits NONE = new RegistrationLimits(Integer.MAX_VALUE,
        RegisterBrokerBodyCodec.MAX_INFLATED_BYTES, limit -> { });
}
