package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.registration.FieldError;
import fr.usinesouvertes.events.web.FormTokens;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.http.Router;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The public company pages, without JavaScript: {@code /espace-entreprise/inscription} (sign-up form,
 * POST to the same address) and {@code /espace-entreprise/verification/<token>} (the e-mailed link:
 * GET shows a button, POST activates, so that mail scanners opening links do not use it up). Mounted
 * once per language: French, and English under {@code /en}.
 */
public final class CompanySignUpServlet extends HttpServlet {

    public static final String PATH = "/espace-entreprise";
    private static final String SIGN_UP = "inscription";
    private static final String VERIFY = "verification";
    private static final List<String> FIELDS = List.of("companyName", "siret", "contactName", "email", "region", "consent",
            CompanySignUpValidator.HONEYPOT);
    private static final int MAX_BODY = 16 * 1024;

    private final transient CompanySignUp signUp;
    private final transient FormTokens tokens;
    private final transient CompanyPages pages;
    private final transient PublicUrl publicUrl;
    private final Lang lang;
    private final transient Router<Router.Page> routes;

    CompanySignUpServlet(CompanySignUp signUp, FormTokens tokens, CompanyPages pages, PublicUrl publicUrl, Lang lang) {
        this.signUp = signUp;
        this.tokens = tokens;
        this.pages = pages;
        this.publicUrl = publicUrl;
        this.lang = lang;
        this.routes = routes();
    }

    /** Mounts the French pages at {@code /espace-entreprise/*} and the English ones at {@code /en/espace-entreprise/*}. */
    public static void mount(fr.usinesouvertes.platform.module.ModuleContext context, CompanySignUp signUp,
                             FormTokens tokens, PublicUrl publicUrl) {
        CompanyPages pages = new CompanyPages(context.site().pages());
        for (Lang lang : Lang.values()) {
            context.web().servlet((lang == Lang.EN ? "/en" : "") + PATH + "/*",
                    new CompanySignUpServlet(signUp, tokens, pages, publicUrl, lang));
        }
    }

    private Router<Router.Page> routes() {
        return Router.<Router.Page>builder()
                .get("/" + SIGN_UP, (request, response, route) -> showForm(request, response, 200, Map.of(), List.of(), null))
                .get("/" + VERIFY + "/{token}", (request, response, route) -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("action", prefix() + PATH + "/" + VERIFY + "/" + route.get("token"));
                    model.put("csrf", tokens.issue("company-verify:" + route.get("token")));
                    pages.render(request, response, 200, "verify", lang, model);
                })
                .post("/" + SIGN_UP, (request, response, route) -> submit(request, response))
                .post("/" + VERIFY + "/{token}", (request, response, route) -> verify(request, response, route.get("token")))
                .build();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        dispatch(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/x-www-form-urlencoded")) {
            message(request, response, 415, "error.mediaType", "");
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            message(request, response, 413, "error.tooLarge", "");
            return;
        }
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        dispatch(request, response);
    }

    private void dispatch(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!Router.dispatch(routes, request, response)) {
            message(request, response, 404, "error.notFound", "");
        }
    }

    private void submit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = request.getParameter(field);
            if (value != null) {
                values.put(field, value);
            }
        }
        if (!tokens.accepts(request.getParameter("csrf"), "company-signup")) {
            showForm(request, response, 403, values, List.of(), pages.message(lang, "error.csrf"));
            return;
        }
        String password = request.getParameter("password");
        SignUpOutcome outcome = signUp.submit(values, password == null ? new char[0] : password.toCharArray(), lang,
                request.getRemoteAddr(), publicUrl.base());
        if (outcome instanceof SignUpOutcome.Sent sent) {
            pages.render(request, response, 200, "signup-sent", lang, Map.of("email", sent.email()));
        } else if (outcome instanceof SignUpOutcome.Invalid invalid) {
            showForm(request, response, 400, values, invalid.errors(), null);
        } else if (outcome instanceof SignUpOutcome.Refused refused) {
            showForm(request, response, 409, values, List.of(), refused.message());
        } else {
            response.setHeader("Retry-After", String.valueOf(((SignUpOutcome.RateLimited) outcome).retryAfterSeconds()));
            message(request, response, 429, "error.rateLimited", "");
        }
    }

    private void verify(HttpServletRequest request, HttpServletResponse response, String token) throws IOException {
        if (!tokens.accepts(request.getParameter("csrf"), "company-verify:" + token)) {
            message(request, response, 403, "error.csrf", "");
            return;
        }
        VerificationOutcome outcome = signUp.verify(token);
        if (outcome instanceof VerificationOutcome.Created created) {
            pages.render(request, response, 200, "verified", lang, Map.of("login", created.login()));
        } else if (outcome instanceof VerificationOutcome.AlreadyRegistered already) {
            message(request, response, 409, "verify.already", already.login());
        } else {
            message(request, response, 404, "verify.invalid", "");
        }
    }

    private void showForm(HttpServletRequest request, HttpServletResponse response, int status, Map<String, String> values, List<FieldError> errors,
                          String refusal) throws IOException {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("action", prefix() + PATH + "/" + SIGN_UP);
        model.put("csrf", tokens.issue("company-signup"));
        model.put("values", values);
        model.put("regions", FrenchRegions.ALL);
        model.put("refusal", refusal == null ? "" : refusal);
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : errors) {
            byField.putIfAbsent(error.field(), error.message());
        }
        model.put("errors", List.copyOf(errors));
        model.put("fieldErrors", byField);
        pages.render(request, response, status, "signup", lang, model);
    }

    private void message(HttpServletRequest request, HttpServletResponse response, int status, String key, String login)
            throws IOException {
        pages.render(request, response, status, "message", lang, Map.of("message", pages.message(lang, key), "login", login));
    }

    private String prefix() {
        return lang == Lang.EN ? "/en" : "";
    }

}
