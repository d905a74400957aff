package io.namesrv.protocol;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONReader;
import com.alibaba.fastjson2.JSONWriter;
import com.alibaba.fastjson2.annotation.JSONType;
import com.alibaba.fastjson2.reader.ObjectReader;
import com.alibaba.fastjson2.writer.ObjectWriter;

import java.lang.reflect.Type;

/**
 * A JSON value carried through untouched in meaning: parts of a body the name server does not use
 * (static topics' {@code topicQueueMappingDetailMap}) but must not lose when it builds bodies.
 * Written back verbatim; read as whatever JSON stands there.
 */
@JSONType(serializer = RawJson.Writer.class, deserializer = RawJson.Reader.class)
public record RawJson(String json) {

    public RawJson {
        if (json == null) {
            throw new IllegalArgumentException("json");
        }
    }

    /** Writes the text as it is. */
    public static final class Writer implements ObjectWriter<RawJson> {
        @Override
        public void write(JSONWriter out, Object object, Object fieldName, Type fieldType, long features) {
            if (object == null) {
                out.writeNull();
            } else {
                out.writeRaw(((RawJson) object).json());
            }
        }
    }

    /** Reads any value and keeps its JSON text; unquoted numeric keys stay unquoted. */
    public static final class Reader implements ObjectReader<RawJson> {
        @Override
        public RawJson readObject(JSONReader in, Type fieldType, Object fieldName, long features) {
            if (in.nextIfNull()) {
                return null;
            }
            return new RawJson(JSON.toJSONString(in.readAny()));
        }
    }
}
