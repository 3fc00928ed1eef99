package fr.usinesouvertes.platform.rendering;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.TemplateModelException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code resfn}: {@code <link>} and {@code <script>} markup for the web resources whose path
 * ({@code /<module>/webresources/...}) matches one of the given regular expressions, in path order, as
 * Magnolia's {@code resfn.css(["/my-module/.*\\.css"])} does. The {@code cached} variants add a
 * {@code ?v=<last modification>} so browsers can cache them for long.
 */
public final class ResourceFunctions {

    private static final String PREFIX = "/.resources";

    private final WebResources resources;

    ResourceFunctions(WebResources resources) {
        this.resources = resources;
    }

    public TemplateHTMLOutputModel css(Object patterns) throws TemplateModelException {
        return css(patterns, "");
    }

    /** With extra attributes written as given, e.g. {@code media="print"}. */
    public TemplateHTMLOutputModel css(Object patterns, String attributes) throws TemplateModelException {
        return markup(patterns, ".css", false, "<link rel=\"stylesheet\" type=\"text/css\" href=\"%s\"%s/>", attributes);
    }

    public TemplateHTMLOutputModel cachedCss(Object patterns) throws TemplateModelException {
        return markup(patterns, ".css", true, "<link rel=\"stylesheet\" type=\"text/css\" href=\"%s\"%s/>", "");
    }

    public TemplateHTMLOutputModel js(Object patterns) throws TemplateModelException {
        return js(patterns, "");
    }

    public TemplateHTMLOutputModel js(Object patterns, String attributes) throws TemplateModelException {
        return markup(patterns, ".js", false, "<script src=\"%s\"%s></script>", attributes);
    }

    public TemplateHTMLOutputModel cachedJs(Object patterns) throws TemplateModelException {
        return markup(patterns, ".js", true, "<script src=\"%s\"%s></script>", "");
    }

    /**
     * The link of one web resource with its version ({@code /.resources/<path>?v=...}), which the
     * platform serves as immutable; cheaper than {@link #cachedCss} (no listing of the resources).
     */
    public String cachedLink(String path) {
        return PREFIX + path + version(path);
    }

    private TemplateHTMLOutputModel markup(Object patterns, String extension, boolean versioned, String format,
                                           String attributes) throws TemplateModelException {
        String extra = attributes == null || attributes.isBlank() ? "" : " " + attributes.trim();
        List<Pattern> compiled = compile(patterns);
        StringBuilder html = new StringBuilder();
        for (String path : resources.list()) {
            if (path.endsWith(extension) && compiled.stream().anyMatch(p -> p.matcher(path).matches())) {
                String href = PREFIX + path + (versioned ? version(path) : "");
                html.append(String.format(format, HTMLOutputFormat.INSTANCE.escapePlainText(href), extra)).append('\n');
            }
        }
        return HTMLOutputFormat.INSTANCE.fromMarkup(html.toString());
    }

    private String version(String path) {
        Optional<WebResources.Resource> resource = resources.find(path);
        return resource.map(r -> "?v=" + Long.toString(r.lastModified(), 36)).orElse("");
    }

    private static List<Pattern> compile(Object patterns) throws TemplateModelException {
        List<String> texts = new ArrayList<>();
        if (patterns instanceof Collection<?> collection) {
            collection.forEach(p -> texts.add(String.valueOf(p)));
        } else if (patterns instanceof Object[] array) {
            for (Object p : array) {
                texts.add(String.valueOf(p));
            }
        } else if (patterns != null) {
            texts.add(patterns.toString());
        }
        List<Pattern> compiled = new ArrayList<>();
        for (String text : texts) {
            try {
                compiled.add(Pattern.compile(text));
            } catch (PatternSyntaxException e) {
                throw new TemplateModelException("resfn: '" + text + "' is not a valid regular expression");
            }
        }
        return compiled;
    }
}
