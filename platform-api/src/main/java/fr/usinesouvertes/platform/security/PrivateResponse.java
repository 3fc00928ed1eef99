package fr.usinesouvertes.platform.security;

import fr.usinesouvertes.platform.http.CacheControl;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The response to a request carrying a back-office session: whatever {@code Cache-Control} a servlet gives it
 * (a page's {@code public, max-age=60}, an asset's hour), it is {@link CacheControl#PRIVATE} ({@code private,
 * no-store}), so that neither the browser nor a shared cache keeps a copy a logged-in editor could be shown after
 * the next publication, and a refreshed session cookie is never stored with a public page. Only an immutable answer
 * (a fingerprinted file whose address changes with its content, which cannot go stale) keeps its header.
 */
final class PrivateResponse extends HttpServletResponseWrapper {

    private static final String CACHE_CONTROL = "Cache-Control";

    PrivateResponse(HttpServletResponse response) {
        super(response);
        response.setHeader(CACHE_CONTROL, CacheControl.PRIVATE);
    }

    @Override
    public void setHeader(String name, String value) {
        super.setHeader(name, isCacheControl(name) ? privateUnlessImmutable(value) : value);
    }

    @Override
    public void addHeader(String name, String value) {
        if (isCacheControl(name)) {
            super.setHeader(name, privateUnlessImmutable(value)); // one value, never a public one beside it
        } else {
            super.addHeader(name, value);
        }
    }

    private static boolean isCacheControl(String name) {
        return CACHE_CONTROL.equalsIgnoreCase(name);
    }

    private static String privateUnlessImmutable(String value) {
        return value != null && value.contains("immutable") ? value : CacheControl.PRIVATE;
    }
}
