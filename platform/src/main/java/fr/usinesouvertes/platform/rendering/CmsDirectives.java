package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.module.ContentMap;
import freemarker.core.Environment;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.jcr.Node;

/**
 * Magnolia's {@code cms} directives for one request: {@code [@cms.page /]}, {@code [@cms.area name="x" /]},
 * {@code [@cms.component content=c /]} and {@code [@cms.block content=b /]}. The platform renders public
 * pages only, so the editing comments ({@code <!-- cms:page ... -->}) are never written.
 */
final class CmsDirectives {

    private CmsDirectives() {
    }

    /** The {@code cms} variable: directive name → directive. */
    static Map<String, Object> forRequest(TemplateRenderer renderer) {
        Map<String, Object> directives = new LinkedHashMap<>();
        directives.put("page", new PageDirective(renderer));
        directives.put("area", new AreaDirective(renderer));
        directives.put("component", new ComponentDirective(renderer));
        directives.put("block", new ComponentDirective(renderer));
        return directives;
    }

    /** {@code [@cms.page /]}: in edit mode it would write the page bar's comment; public mode writes nothing. */
    private record PageDirective(TemplateRenderer renderer) implements TemplateDirectiveModel {
        @Override
        @SuppressWarnings("rawtypes")
        public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
                throws TemplateException, IOException {
            if (body != null) {
                body.render(env.getOut());
            }
        }
    }

    /** {@code [@cms.area name="main" /]}, optionally with {@code content=} another node than the current one. */
    private record AreaDirective(TemplateRenderer renderer) implements TemplateDirectiveModel {
        @Override
        @SuppressWarnings("rawtypes")
        public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
                throws TemplateException, IOException {
            Object name = unwrap(params.get("name"));
            if (name == null) {
                throw new TemplateModelException("[@cms.area] needs a name, e.g. [@cms.area name=\"main\" /]");
            }
            renderer.renderArea(name.toString(), node(unwrap(params.get("content"))), env.getOut());
        }
    }

    /** {@code [@cms.component content=component contextAttributes={...} /]}. */
    private record ComponentDirective(TemplateRenderer renderer) implements TemplateDirectiveModel {
        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
                throws TemplateException, IOException {
            Node node = node(unwrap(params.get("content")));
            if (node == null) {
                return; // Magnolia renders nothing for a missing component, e.g. an empty single area
            }
            Object attributes = unwrap(params.get("contextAttributes"));
            Map<String, Object> extra = attributes instanceof Map<?, ?> map ? new LinkedHashMap<>((Map) map) : null;
            renderer.renderComponent(node, extra, env.getOut());
        }
    }

    private static Object unwrap(Object model) throws TemplateModelException {
        return model instanceof TemplateModel template ? DeepUnwrap.unwrap(template) : model;
    }

    static Node node(Object value) {
        if (value instanceof ContentMap map) {
            return map.getJCRNode();
        }
        return value instanceof Node node ? node : null;
    }
}
