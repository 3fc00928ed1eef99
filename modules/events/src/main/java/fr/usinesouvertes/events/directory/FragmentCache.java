package fr.usinesouvertes.events.directory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import freemarker.core.Environment;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * {@code [@directoryfn.fragment key=...]...[/@]}: renders its body once per key and writes the cached
 * markup (already escaped by the body's own rendering) on later calls. Keys come from
 * {@link DirectoryFunctions#searchKey}: they change with the search, the language, the index version and
 * the minute, and the calling page template is part of the key, so an edited page script renders afresh
 * (an edited include or message shows within the minute). Keys of an older search or minute are never
 * asked again and leave the size-bound cache first. Two requests may render the same key at once: both
 * results are equal, and rendering outside the cache keeps a slow body from blocking the others.
 */
public final class FragmentCache implements TemplateDirectiveModel {

    private final Cache<String, String> fragments;

    FragmentCache(int capacity) {
        this.fragments = Caffeine.newBuilder().maximumSize(capacity).build();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
            throws TemplateException, IOException {
        if (!(params.get("key") instanceof TemplateScalarModel key) || params.size() != 1 || body == null) {
            throw new TemplateModelException("directoryfn.fragment needs exactly one string parameter, key, and a body");
        }
        String cacheKey = key.getAsString() + "#" + System.identityHashCode(env.getMainTemplate());
        String markup = fragments.getIfPresent(cacheKey);
        if (markup == null) {
            StringWriter rendered = new StringWriter(32_768);
            body.render(rendered);
            markup = rendered.toString();
            fragments.put(cacheKey, markup);
        }
        env.getOut().write(markup);
    }
}
