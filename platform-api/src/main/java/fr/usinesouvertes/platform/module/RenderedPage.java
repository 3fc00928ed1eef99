package fr.usinesouvertes.platform.module;

/** A rendered HTML page: its status, its language ({@code fr}, {@code en}) and its markup. */
public record RenderedPage(int status, String language, String html) {
}
