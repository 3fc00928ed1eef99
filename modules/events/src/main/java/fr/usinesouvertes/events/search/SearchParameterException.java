package fr.usinesouvertes.events.search;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A bad search parameter: 400 with {@code code}, {@code message}, the {@code parameter} and any {@code candidates}. */
public final class SearchParameterException extends WebApplicationException {

    public SearchParameterException(String parameter, String code, String message) {
        this(parameter, code, message, List.of());
    }

    public SearchParameterException(String parameter, String code, String message, List<Map<String, String>> candidates) {
        super(message, Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(parameter, code, message, candidates)).build());
    }

    private static Map<String, Object> body(String parameter, String code, String message,
                                            List<Map<String, String>> candidates) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("parameter", parameter);
        if (!candidates.isEmpty()) {
            body.put("candidates", candidates);
        }
        return body;
    }
}
