package dev.bodega.messaging.internal;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/** JSON for the jsonb columns (metadata, config, business hours). */
@Component
public class Json {

    private final JsonMapper mapper;

    Json(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    public Map<String, Object> read(String json) {
        return json == null ? Map.of() : mapper.readValue(json, new TypeReference<>() {
        });
    }
}
