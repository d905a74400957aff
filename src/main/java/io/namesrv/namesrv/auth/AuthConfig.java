package io.namesrv.namesrv.auth;

/**
 * Ours, not Apache's: where the access keys are. Bound from the {@code -c} file like the other
 * config beans, so {@code -p} and GET_NAMESRV_CONFIG show it; read once at start (the file itself
 * is re-read when it changes, see AclFileWatcher).
 */
public class AuthConfig {

    /** Empty: authentication is off. */
    private String aclConfigPath = "";

    public String getAclConfigPath() {
        return aclConfigPath;
    }

    public void setAclConfigPath(String aclConfigPath) {
        this.aclConfigPath = aclConfigPath == null ? "" : aclConfigPath.trim();
    }

    public boolean isEnabled() {
        return !aclConfigPath.isEmpty();
    }
}
