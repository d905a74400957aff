package io.namesrv.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * A {@code key=value} text body (GET_NAMESRV_CONFIG, GET_BROKER_CONFIG) read into
 * java.util.Properties as Apache's string2Properties does, so entries iterate in the order
 * Apache's mqadmin prints them.
 */
final class PropertiesBody {

    private PropertiesBody() {
    }

    static Properties parse(byte[] body) {
        Properties p = new Properties();
        if (body != null) {
            try {
                p.load(new StringReader(new String(body, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException("reading from a string cannot fail", e);
            }
        }
        return p;
    }
}
