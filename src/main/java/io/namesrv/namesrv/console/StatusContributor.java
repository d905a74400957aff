package io.namesrv.namesrv.console;

/**
 * A capability's own section of the console (the embedded controller's role in its group, say).
 * Registered with {@link StatusConsole#addContributor}; nothing is shown for a capability that
 * registered none, or while its contributor answers null.
 */
@FunctionalInterface
public interface StatusContributor {

    /**
     * What to show now, or null for nothing. Called on an HTTP thread at every page refresh (every
     * few seconds): it must be cheap and must not block.
     */
    StatusSection section();
}
