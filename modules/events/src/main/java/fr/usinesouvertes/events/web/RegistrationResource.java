package fr.usinesouvertes.events.web;

import fr.usinesouvertes.events.booking.RegistrationStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import fr.usinesouvertes.events.booking.BookingOutcome;
import fr.usinesouvertes.events.booking.RegistrationNotFoundException;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.events.registration.ChangeResult;
import fr.usinesouvertes.events.registration.FieldError;
import fr.usinesouvertes.events.registration.InvalidLinkException;
import fr.usinesouvertes.events.registration.ManagedRegistration;
import fr.usinesouvertes.events.registration.RegistrationRefusedException;
import fr.usinesouvertes.events.registration.RegistrationService;
import fr.usinesouvertes.events.registration.RegistrationValidator.InputKind;
import fr.usinesouvertes.events.registration.SubmissionResult;
import fr.usinesouvertes.platform.http.ErrorBody;
import fr.usinesouvertes.platform.http.JsonMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The registrations JSON API: {@code POST /.rest/registrations/v1} registers, {@code GET …/{token}} shows
 * the registrant's own registration, {@code PATCH …/{token}} changes its head count or slot,
 * {@code DELETE …/{token}} or {@code POST …/{token}/cancel} cancels it.
 * Every refusal is a 4xx with a field and a reason; nothing is stored on error.
 */
@Path("registrations/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class RegistrationResource {

    private final RegistrationService service;

    public RegistrationResource(RegistrationService service) {
        this.service = service;
    }

    @POST
    public Response register(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                             @Context HttpServletRequest request, InputStream body) throws IOException {
        Lang lang = Lang.fromCode(acceptLanguage);
        JsonObject parsed = JsonObject.read(contentType, request, body, lang, "api.notJson.registration");
        if (parsed.error() != null) {
            return parsed.error();
        }
        Map<String, Object> input = parsed.fields();
        if (input.get("lang") instanceof String code && (code.equals("en") || code.equals("fr"))) {
            lang = Lang.fromCode(code);
        }
        SubmissionResult result = service.register(input, InputKind.JSON, request.getRemoteAddr(), lang);
        if (result instanceof SubmissionResult.Booked booked) {
            return Response.status(booked.outcome().repeated() ? 200 : 201).entity(outcome(booked.outcome())).build();
        }
        if (result instanceof SubmissionResult.Invalid invalid) {
            return invalid(invalid.errors());
        }
        if (result instanceof SubmissionResult.Refused refused) {
            return error(409, refused.code(), refused.message());
        }
        SubmissionResult.RateLimited limited = (SubmissionResult.RateLimited) result;
        return Response.status(429).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", limited.retryAfterSeconds())
                .entity(new ErrorBody("tooManyRequests", text(lang, "api.tooManyRequests"))).build();
    }

    @GET
    @Path("{token}")
    public Response view(@PathParam("token") String token) {
        try {
            return Response.ok(view(service.view(token))).build();
        } catch (InvalidLinkException | RegistrationNotFoundException e) {
            return notFound();
        }
    }

    /**
     * Changes the registration: {@code {"persons", "accompanyingAdults" (school groups), "slot"}}, each optional;
     * answers the registration as it is now, 400 or 409 with {@code errors} naming the field and the reason.
     */
    @PATCH
    @Path("{token}")
    public Response change(@PathParam("token") String token, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                           @Context HttpServletRequest request, InputStream body) throws IOException {
        Lang lang = Lang.fromCode(acceptLanguage);
        JsonObject parsed = JsonObject.read(contentType, request, body, lang, "api.notJson.change");
        if (parsed.error() != null) {
            return parsed.error();
        }
        Map<String, Object> input = parsed.fields();
        ChangeResult result;
        try {
            result = service.change(token, input, InputKind.JSON, lang);
        } catch (InvalidLinkException | RegistrationNotFoundException e) {
            return notFound();
        }
        if (result instanceof ChangeResult.Changed changed) {
            Map<String, Object> json = view(changed.registration());
            json.put("changed", changed.changed());
            return Response.ok(json).build();
        }
        ChangeResult.Refused refused = (ChangeResult.Refused) result;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", refused.code());
        json.put("message", refused.message());
        json.put("errors", refused.errors().stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        return Response.status(refused.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(json).build();
    }

    @DELETE
    @Path("{token}")
    public Response cancel(@PathParam("token") String token, @Context HttpServletRequest request) {
        try {
            return Response.ok(view(service.cancel(token))).build();
        } catch (InvalidLinkException | RegistrationNotFoundException e) {
            return notFound();
        } catch (RegistrationRefusedException e) {
            return error(409, e.code(), e.text().in(Lang.FR));
        }
    }

    @POST
    @Path("{token}/cancel")
    public Response cancelByPost(@PathParam("token") String token, @Context HttpServletRequest request) {
        return cancel(token, request);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }

    private static Map<String, Object> outcome(BookingOutcome outcome) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", outcome.registrationId());
        json.put("status", outcome.status().stored());
        if (outcome.position() != null) {
            json.put("position", outcome.position());
        }
        return json;
    }

    /** The registrant's own registration: what they entered to be reached, and the visit. */
    private static Map<String, Object> view(ManagedRegistration managed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", managed.registration().id());
        json.put("status", managed.registration().status());
        if (managed.position() != null) {
            json.put("position", managed.position());
        }
        json.put("audience", managed.registration().audience().id());
        json.put("persons", managed.registration().persons());
        json.put("declaredPersons", managed.registration().declaredPersons());
        if (managed.registration().audience() == fr.usinesouvertes.events.edition.Audience.SCHOOL) {
            json.put("accompanyingAdults", managed.registration().accompanyingAdults());
        }
        json.put("contactName", managed.registration().contactName());
        json.put("email", managed.registration().email());
        json.put("lang", managed.registration().lang().code());
        Map<String, Object> slot = new LinkedHashMap<>();
        slot.put("id", managed.slot().id());
        slot.put("start", managed.slot().visit().start().toOffsetDateTime().toString());
        slot.put("end", managed.slot().visit().end().toOffsetDateTime().toString());
        slot.put("company", managed.slot().visit().company());
        slot.put("site", managed.slot().visit().site());
        slot.put("address", managed.slot().visit().address());
        json.put("slot", slot);
        return json;
    }

    private static Response invalid(List<FieldError> errors) {
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList()))
                .build();
    }

    private static Response tooLarge(Lang lang) {
        return error(413, "payloadTooLarge", text(lang, "api.tooLarge", BoundedBody.MAX_BYTES / 1024));
    }

    private static Response notFound() {
        return error(404, "notFound", text(Lang.FR, "api.invalidLink") + " / " + text(Lang.EN, "api.invalidLink"));
    }

    private static String text(Lang lang, String key, Object... args) {
        return Messages.of(Messages.EVENTS, lang).format(key, args);
    }

    private static Response error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(code, message)).build();
    }

    /** A request body read as one JSON object, or the 415/413/400 answer saying why it is not one. */
    private record JsonObject(Map<String, Object> fields, Response error) {

        /** {@code notJson}: the key of what a 415 says, e.g. "Send the registration as application/json." */
        static JsonObject read(String contentType, HttpServletRequest request, InputStream body, Lang lang,
                               String notJson) throws IOException {
            if (!isJson(contentType)) {
                return new JsonObject(null,
                        RegistrationResource.error(415, "unsupportedMediaType", text(lang, notJson)));
            }
            if (request.getContentLengthLong() > BoundedBody.MAX_BYTES) {
                return new JsonObject(null, tooLarge(lang));
            }
            Optional<byte[]> bytes = BoundedBody.read(body);
            if (bytes.isEmpty()) {
                return new JsonObject(null, tooLarge(lang));
            }
            try {
                // One pass straight to maps and lists (objects become LinkedHashMaps), not a tree then a conversion.
                Object json = bytes.get().length == 0 ? null : JsonMapper.mapper().readValue(bytes.get(), Object.class);
                if (!(json instanceof Map<?, ?> object)) {
                    return new JsonObject(null,
                            invalid(List.of(new FieldError("body", text(lang, "api.bodyNotObject")))));
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) object;
                return new JsonObject(fields, null);
            } catch (JsonProcessingException e) {
                return new JsonObject(null, invalid(List.of(new FieldError("body", text(lang, "api.bodyNotJson")))));
            }
        }
    }
}
