package io.namesrv.namesrv.config;

import io.namesrv.remoting.protocol.ResponseCode;

/** The outcome of an UPDATE_NAMESRV_CONFIG: the response code to answer with and its remark. */
public record UpdateResult(int code, String remark) {

    static UpdateResult success() {
        return new UpdateResult(ResponseCode.SUCCESS, null);
    }

    public boolean isSuccess() {
        return code == ResponseCode.SUCCESS;
    }
}
