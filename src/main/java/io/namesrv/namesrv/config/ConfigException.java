package io.namesrv.namesrv.config;

/** A configuration the server refuses to start with; the message is the one line to print. */
public final class ConfigException extends Exception {

    public ConfigException(String message) {
        super(message);
    }
}
