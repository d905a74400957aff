package io.namesrv.common;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every logger name the code uses is routed by the daemon's logback configuration (a typo would go to the default file). */
class LoggerNamesTest {

    @Test
    void theDaemonsLogbackConfigurationRoutesEveryName() throws IOException, IllegalAccessException {
        String config = Files.readString(Path.of("conf", "logback_namesrv.xml"), StandardCharsets.UTF_8);
        int names = 0;
        for (Field f : LoggerNames.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String name = (String) f.get(null);
                assertTrue(config.contains("<logger name=\"" + name + "\""), f.getName() + " = " + name + " has no <logger>");
                names++;
            }
        }
        assertTrue(names >= 4, "found " + names + " names");
    }
}
