package io.namesrv.remoting.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a processor decoded rides with the request, typed, and never reaches the wire. */
class RemotingCommandDecodedTest {

    @Test
    void keepsWhatWasDecodedForItsTypeOnly() {
        RemotingCommand request = RemotingCommand.request(105, null);
        assertNull(request.decoded(String.class), "nothing decoded yet");
        String decoded = "a decoded query";
        request.setDecoded(decoded);
        assertSame(decoded, request.decoded(String.class));
        assertSame(decoded, request.decoded(CharSequence.class));
        assertNull(request.decoded(Integer.class));
    }

    @Test
    void isNotPartOfTheEncodedHeader() throws Exception {
        RemotingCommand request = RemotingCommand.request(105, null);
        request.addExtField("topic", "T");
        request.setDecoded("not on the wire");
        RemotingCommand decoded = JsonHeaderCodec.decode(JsonHeaderCodec.encode(request));
        assertEquals(Map.of("topic", "T"), decoded.getExtFields());
        assertNull(decoded.decoded(Object.class));
    }
}
