package io.namesrv.namesrv.http;

import java.nio.charset.StandardCharsets;

/** What an endpoint answers: status, content type and body. */
public record HttpAnswer(int status, String contentType, byte[] body) {

    static final String JSON = "application/json; charset=utf-8";

    /** JSON, with {@code <}, {@code >} and {@code &} escaped (see {@link JsonHtmlEscape}). */
    static HttpAnswer json(int status, String json) {
        return json(status, json.getBytes(StandardCharsets.UTF_8));
    }

    /** JSON, with {@code <}, {@code >} and {@code &} escaped (see {@link JsonHtmlEscape}). */
    static HttpAnswer json(int status, byte[] json) {
        return new HttpAnswer(status, JSON, JsonHtmlEscape.escape(json));
    }

    static HttpAnswer text(int status, String contentType, String text) {
        return new HttpAnswer(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
