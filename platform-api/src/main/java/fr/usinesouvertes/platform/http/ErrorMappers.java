package fr.usinesouvertes.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into {@code {"code","message"}} with the right status: a client's mistake is a
 * 4xx saying what was wrong, and nothing ever leaks a stack trace.
 */
public final class ErrorMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMappers.class);

    private ErrorMappers() {
    }

    /** Keeps the status of JAX-RS exceptions (404 of an unknown resource, 405, 415...) and gives them our body. */
    public static final class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException exception) {
            Response original = exception.getResponse();
            if (original.hasEntity() && original.getEntity() instanceof ErrorBody) {
                return original;
            }
            int status = original.getStatus();
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String reason = type != null ? type.getReasonPhrase() : "Error";
            String code = codeFor(status);
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody(code, exception.getMessage() != null ? exception.getMessage() : reason))
                    .build();
        }
    }

    /** A request body that is not valid JSON or does not fit the expected shape. */
    public static final class Json implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException exception) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody("invalidJson", "The request body is not valid JSON: "
                            + exception.getOriginalMessage()))
                    .build();
        }
    }

    /** Anything else is our fault: logged in full, answered without details. */
    public static final class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException exception) {
            if (exception instanceof WebApplicationException web) {
                return new WebApplication().toResponse(web);
            }
            LOG.error("Unexpected failure while answering a request", exception);
            return Response.serverError().type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody("internalError", "The server could not answer this request."))
                    .build();
        }
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "badRequest";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "notFound";
            case 405 -> "methodNotAllowed";
            case 406 -> "notAcceptable";
            case 409 -> "conflict";
            case 413 -> "payloadTooLarge";
            case 415 -> "unsupportedMediaType";
            case 429 -> "tooManyRequests";
            default -> status >= 500 ? "internalError" : "error";
        };
    }
}
