package fr.usinesouvertes.platform.rendering;

/**
 * {@code ctx.response}: what a page template may say about its HTTP answer, as on Magnolia
 * ({@code ${ctx.response.setStatus(400)}}), e.g. a page that shows a refused form value in its own
 * layout. Rendering is buffered, so the status applies although the template sets it mid-page; only
 * 200 and error statuses (400–599) are accepted, and an error page is never cached.
 */
public final class ResponseView {

    private final RenderContext context;

    ResponseView(RenderContext context) {
        this.context = context;
    }

    /** Sets the status of the page being rendered; any other value than 200 or 400–599 fails the rendering. */
    public void setStatus(int status) {
        context.setResponseStatus(status);
    }

    /** The status the page will be answered with so far. */
    public int getStatus() {
        return context.responseStatus(200);
    }
}
