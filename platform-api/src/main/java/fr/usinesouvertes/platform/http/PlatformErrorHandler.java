package fr.usinesouvertes.platform.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before any servlet runs (a malformed or ambiguous URI, an encoded
 * {@code ..}): {@code {"code","message"}} under {@code /.rest/} like every other REST error, a short
 * French page elsewhere, and never a stack trace; with the request's {@code X-Request-Id} like every answer.
 */
final class PlatformErrorHandler extends ErrorHandler {

    PlatformErrorHandler() {
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String reason = HttpStatus.getMessage(code);
        response.getHeaders().put(RequestIds.HEADER, RequestIds.assign(request));
        String body;
        if (Request.getPathInContext(request).startsWith("/.rest/")) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
            body = JsonMapper.mapper().writeValueAsString(new ErrorBody(ErrorMappers.codeFor(code),
                    code == HttpStatus.BAD_REQUEST_400 ? "The request URI is not valid: " + reason : reason));
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
            body = "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Erreur " + code
                    + "</title></head><body><h1>Erreur " + code + "</h1><p>La demande n'a pas pu aboutir. "
                    + "<a href=\"/\">Retour à l'accueil</a></p></body></html>";
        }
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
