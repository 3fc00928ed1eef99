package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.definition.AreaDefinition;
import fr.usinesouvertes.platform.definition.TemplateDefinition;
import fr.usinesouvertes.platform.module.ContentMap;
import fr.usinesouvertes.platform.publishing.ContentStage;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders one request's page → areas → components, each with its own template script and variables
 * ({@code content}, {@code def}, {@code model}, plus the request-wide ones). A component that fails is
 * logged with its path, the reason and the stack trace, and rendered empty, so one broken paragraph never takes the page
 * down; only a failure of the page's own template fails the request.
 */
final class TemplateRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateRenderer.class);
    private static final Set<String> UNSUPPORTED_MODELS_LOGGED = ConcurrentHashMap.newKeySet();

    /** The node being rendered and the areas its definition declares. */
    private record Frame(Node node, Map<String, AreaDefinition> areas, String owner) {
    }

    private final TemplateEngine engine;
    private final RenderContext context;
    private final Map<String, Object> globals;
    private final Deque<Frame> frames = new ArrayDeque<>();

    /** {@code globals} makes the request-wide variables, given this renderer (the {@code cms} directives call back into it). */
    TemplateRenderer(TemplateEngine engine, RenderContext context,
                     Function<TemplateRenderer, Map<String, Object>> globals) {
        this.engine = engine;
        this.context = context;
        this.globals = Map.copyOf(globals.apply(this));
    }

    RenderContext context() {
        return context;
    }

    /** Renders a page with its template; {@code item} is the detail item of a detail page, or null. */
    void renderPage(Node page, TemplateDefinition definition, Node item, Writer out)
            throws IOException, TemplateException {
        Map<String, Object> model = model(page, DefinitionView.of(definition), definition.modelClass(), definition.id());
        if (item != null) {
            model.put("item", context.wrap(item));
        }
        render(new Frame(page, definition.areas(), definition.id()), definition.templateScript(), model, out);
    }

    /**
     * Renders a template script that belongs to no node's definition (a page a module serves itself) with the
     * request-wide variables, {@code node} as {@code content} and the caller's {@code variables}, which may not
     * replace a platform variable.
     */
    void renderScript(Node node, String script, Map<String, Object> variables, Writer out)
            throws IOException, TemplateException {
        Map<String, Object> model = model(node, Map.of(), null, script);
        for (Map.Entry<String, Object> variable : variables.entrySet()) {
            if (model.containsKey(variable.getKey())) {
                throw new IllegalArgumentException("The variable '" + variable.getKey()
                        + "' is the platform's own: give the page's variable another name");
            }
            model.put(variable.getKey(), variable.getValue());
        }
        render(new Frame(node, Map.of(), script), script, model, out);
    }

    /** Renders a component with its {@code mgnl:template}; any failure renders nothing and is logged. */
    void renderComponent(Node component, Map<String, Object> contextAttributes, Writer out) throws IOException {
        String path = pathOf(component);
        String templateId = NodeTypes.template(component);
        Optional<TemplateDefinition> definition = templateId == null ? Optional.empty()
                : context.registry().template(templateId);
        if (definition.isEmpty()) {
            LOG.warn("Component {} rendered empty: template definition '{}' not found", path, templateId);
            problemForEditors(out, "component", path, "template definition '" + templateId + "' not found");
            return;
        }
        TemplateDefinition template = definition.get();
        if (template.templateScript() == null) {
            LOG.warn("Component {} rendered empty: template '{}' has no templateScript", path, templateId);
            problemForEditors(out, "component", path, "template '" + templateId + "' has no templateScript");
            return;
        }
        Map<String, Object> model = model(component, DefinitionView.of(template), template.modelClass(), template.id());
        if (contextAttributes != null) {
            model.putAll(contextAttributes);
        }
        StringWriter buffer = new StringWriter();
        try {
            render(new Frame(component, template.areas(), template.id()), template.templateScript(), model, buffer);
        } catch (TemplateException | IOException | RuntimeException e) {
            LOG.warn("Component {} rendered empty: template '{}' ({}) failed: {}", path, templateId,
                    template.templateScript(), firstLine(e), e);
            problemForEditors(out, "component", path, template.templateScript() + ": " + firstLine(e));
            return;
        }
        if (context.editBars()) {
            out.write(EditBars.componentStart(component, template));
            out.write(buffer.toString());
            out.write(EditBars.COMPONENT_END);
        } else {
            out.write(buffer.toString());
        }
    }

    /**
     * In the back office's preview only (drafts), says in place of a component or area that failed why it shows nothing,
     * so that the editor sees it; the public site shows nothing and the log keeps the details.
     */
    private void problemForEditors(Writer out, String kind, String path, String reason) throws IOException {
        if (context.stage() != ContentStage.DRAFT) {
            return;
        }
        boolean english = "en".equals(context.language());
        String where = context.workspaces().toWorkspacePath(path);
        String what = kind.equals("area") ? (english ? "This area" : "Cette zone")
                : (english ? "This component" : "Ce composant");
        out.write("<div class=\"render-problem\" role=\"alert\" data-path=\"" + escape(where) + "\"><strong>" + what
                + (english ? " cannot be displayed" : " ne peut pas être affiché") + "</strong> (" + escape(where)
                + (english ? "): " : ") : ") + escape(reason) + "</div>");
    }

    private static String escape(String text) {
        return freemarker.core.HTMLOutputFormat.INSTANCE.escapePlainText(text == null ? "" : text);
    }

    /** Renders the area {@code name} of the node being rendered (or of {@code owner} when given). */
    void renderArea(String name, Node owner, Writer out) throws IOException, TemplateException {
        Frame current = frames.peek();
        if (current == null) {
            return;
        }
        Node parent = owner != null ? owner : current.node();
        AreaDefinition area = current.areas() == null ? null : current.areas().get(name);
        if (area == null) {
            LOG.warn("Area '{}' is not defined in '{}' ({}): rendered empty", name, current.owner(), pathOf(parent));
            return;
        }
        Node areaNode = child(parent, name);
        List<Node> components = AreaComponents.of(parent, areaNode, area, context);
        boolean bars = context.editBars() && area.acceptsComponents();
        if (areaNode == null && components.isEmpty() && !bars) {
            return; // defined but never created: nothing to show, and reads never create nodes
        }
        if (bars) {
            out.write(EditBars.areaStart(parent, area, components.size(), context.registry()));
        }
        renderAreaContent(area, parent, areaNode, components, out);
        if (bars) {
            out.write(EditBars.AREA_END);
        }
    }

    private void renderAreaContent(AreaDefinition area, Node parent, Node areaNode, List<Node> components, Writer out)
            throws IOException {
        if (areaNode == null && components.isEmpty()) {
            return;
        }
        if (area.templateScript() != null) {
            renderAreaScript(area, areaNode != null ? areaNode : parent, components, out);
        } else if (area.acceptsComponents()) {
            for (Node component : area.isSingle() ? components.stream().limit(1).toList() : components) {
                renderComponent(component, null, out);
            }
        }
    }

    /** Like a component, an area whose script fails is logged and rendered empty. */
    private void renderAreaScript(AreaDefinition area, Node areaNode, List<Node> components, Writer out)
            throws IOException {
        Map<String, Object> model = model(areaNode, DefinitionView.of(area), null, area.name());
        List<ContentMap> maps = components.stream().map(context::wrap).toList();
        if (area.isSingle()) {
            model.put("component", maps.isEmpty() ? null : maps.get(0));
        } else {
            model.put("components", maps);
        }
        StringWriter buffer = new StringWriter();
        try {
            render(new Frame(areaNode, area.areas(), "area " + area.name()), area.templateScript(), model, buffer);
        } catch (TemplateException | IOException | RuntimeException e) {
            LOG.warn("Area '{}' at {} rendered empty: script {} failed: {}", area.name(), pathOf(areaNode),
                    area.templateScript(), firstLine(e), e);
            problemForEditors(out, "area", pathOf(areaNode), area.templateScript() + ": " + firstLine(e));
            return;
        }
        out.write(buffer.toString());
    }

    private void render(Frame frame, String script, Map<String, Object> model, Writer out)
            throws IOException, TemplateException {
        Node previous = context.state().getCurrentContentNode();
        frames.push(frame);
        context.state().setCurrentContentNode(frame.node());
        try {
            engine.render(script, model, context.locale(), out);
        } finally {
            frames.pop();
            context.state().setCurrentContentNode(previous);
        }
    }

    private Map<String, Object> model(Node node, Map<String, Object> definition, String modelClass, String owner) {
        if (modelClass != null && UNSUPPORTED_MODELS_LOGGED.add(owner + "|" + modelClass)) {
            LOG.warn("'{}' asks for modelClass {}: models are not supported, rendering with model = null",
                    owner, modelClass);
        }
        Map<String, Object> model = new HashMap<>(globals);
        model.put("content", context.wrap(node));
        model.put("def", definition);
        model.put("model", null);
        return model;
    }

    private static Node child(Node parent, String name) {
        try {
            return parent.hasNode(name) ? parent.getNode(name) : null;
        } catch (RepositoryException | IllegalArgumentException e) {
            return null;
        }
    }

    static String pathOf(Node node) {
        try {
            return node.getPath();
        } catch (RepositoryException e) {
            return "?";
        }
    }

    private static String firstLine(Throwable error) {
        String message = String.valueOf(error.getMessage()).replaceAll("\\s+", " ").trim();
        return error.getClass().getSimpleName() + ": " + (message.length() > 400 ? message.substring(0, 400) + "…" : message);
    }
}
