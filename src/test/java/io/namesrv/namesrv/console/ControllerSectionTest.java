package io.namesrv.namesrv.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.namesrv.controller.ControllerStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded controller's status as a console section: nothing without a controller. */
class ControllerSectionTest {

    @Test
    void roleLeaderTermAndEachGroupsMasterAndReplicas() {
        StatusSection s = ControllerSection.of(new ControllerStatus("follower", "127.0.0.1:9878", "127.0.0.1:9879", 3,
            42, 1, 2, List.of(new ControllerStatus.Group("C1", "broker-a", 1L, "10.0.0.2:10911", 2, 3, List.of(1L, 2L),
                List.of(1L, 2L)), new ControllerStatus.Group("C1", "broker-b", null, null, 0, 0, List.of(), List.of(5L)))));
        assertEquals(ControllerSection.TITLE, s.title());
        assertEquals(new StatusSection.Field("role", "follower"), s.fields().get(0));
        assertEquals(new StatusSection.Field("leader", "127.0.0.1:9879"), s.fields().get(2));
        assertEquals(new StatusSection.Field("term", "3"), s.fields().get(3));
        assertEquals(List.of("C1", "broker-a", "1", "10.0.0.2:10911", "2", "3", "[1, 2]", "[1, 2]"), s.rows().get(0));
        assertEquals(List.of("C1", "broker-b", "–", "–", "0", "0", "[]", "[5]"), s.rows().get(1), "no master yet");
        assertEquals(s.columns().size(), s.rows().get(0).size());
    }

    @Test
    void noLeaderKnownAndNoController() {
        StatusSection alone = ControllerSection.of(new ControllerStatus("none", "127.0.0.1:9878", null, 0, 0, 0, 0,
            List.of()));
        assertEquals("none known", alone.fields().get(2).value());
        assertEquals(List.of(), alone.rows());
        assertNull(ControllerSection.of(null), "no controller: no section");
    }
}
