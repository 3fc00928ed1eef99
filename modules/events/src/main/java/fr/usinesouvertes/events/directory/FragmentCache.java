package fr.usinesouvertes.events.directory;

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
 * (an edited include or message shows within the minute).
 */
public final class FragmentCache implements TemplateDirectiveModel {

    private final LruCache<String> fragments;

    FragmentCache(int capacity) {
        this.fragments = new LruCache<>(capacity);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
            throws TemplateException, IOException {
        if (!(params.get("key") instanceof TemplateScalarModel key) || params.size() != 1 || body == null) {
            throw new TemplateModelException("directoryfn.fragment needs exactly one string parameter, key, and a body");
        }
        String cacheKey = key.getAsString() + "#" + System.identityHashCode(env.getMainTemplate());
        String markup = fragments.get(cacheKey);
        if (markup == null) {
            StringWriter rendered = new StringWriter(32_768);
            body.render(rendered);
            markup = rendered.toString();
            fragments.put(cacheKey, markup);
        }
        env.getOut().write(markup);
    }
}
