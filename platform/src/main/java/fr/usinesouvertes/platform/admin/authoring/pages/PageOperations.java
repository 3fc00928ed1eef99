package fr.usinesouvertes.platform.admin.authoring.pages;

import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringException;
import fr.usinesouvertes.platform.admin.authoring.shared.NodeNames;
import fr.usinesouvertes.platform.admin.authoring.form.FormSubmission;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.TemplateDefinition;
import fr.usinesouvertes.platform.rendering.SiteRoot;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Creates, renames, moves and deletes pages of {@code website} on a session the caller saves. Paths are
 * paths inside {@code website}. A site root (the page the site's addresses start from) is never deleted, renamed or
 * moved. A new page's template must be visible, one of the parent template's {@code parameters.allowedChildTemplates}
 * when it lists them, and one of its site's {@code templates.availability} when the site restricts them.
 */
public final class PageOperations {

    private final Supplier<DefinitionRegistry> definitions;
    private final Clock clock;

    public PageOperations(Supplier<DefinitionRegistry> definitions, Clock clock) {
        this.definitions = definitions;
        this.clock = clock;
    }

    /** The templates a page created under {@code parentPath} ({@code /} for a top-level page) may use. */
    public List<TemplateDefinition> templatesFor(Session session, String parentPath) throws RepositoryException {
        Node parent = page(session, parentPath);
        List<?> allowed = null;
        if (parent.hasProperty("mgnl:template")) {
            allowed = definitions.get().template(parent.getProperty("mgnl:template").getString())
                    .map(t -> t.parameters().get("allowedChildTemplates")).filter(List.class::isInstance)
                    .map(List.class::cast).orElse(null);
        }
        List<?> only = allowed;
        // the site's templates.availability, for a page in a site's tree (its root included, for its sub-pages)
        String below = parentPath == null || parentPath.isBlank() ? "/" : parentPath;
        java.util.Set<String> offered = definitions.get().sites().stream().filter(site -> site.holds(below))
                .findFirst().flatMap(fr.usinesouvertes.platform.definition.SiteDefinition::availableTemplates).orElse(null);
        return definitions.get().templates().stream()
                .filter(TemplateDefinition::isPage).filter(TemplateDefinition::visible)
                .filter(t -> only == null || only.contains(t.id()))
                .filter(t -> offered == null || offered.contains(t.id()))
                .sorted(Comparator.comparing(t -> t.title() == null ? t.id() : t.title()))
                .toList();
    }

    /** Creates a page and returns its path. */
    public String create(Session session, String parentPath, String name, String templateId, String title, String by)
            throws RepositoryException {
        Node parent = page(session, parentPath);
        NodeNames.check(name);
        NodeNames.checkFree(parent, name);
        if (templatesFor(session, parentPath).stream().noneMatch(t -> t.id().equals(templateId))) {
            throw AuthoringException.invalid("Ce modèle n'est pas autorisé ici.", "This template is not allowed here.");
        }
        Node page = parent.addNode(name, "mgnl:page");
        page.setProperty("mgnl:template", templateId);
        if (title != null && !title.isBlank()) {
            page.setProperty("title", title.trim());
        }
        page.setProperty("mgnl:createdBy", by);
        FormSubmission.touch(page, by, clock);
        DefinitionRegistry registry = definitions.get();
        AreaGeneration.generate(page, registry.template(templateId).orElseThrow().areas(), registry, by, clock);
        return relative(page);
    }

    /** Renames a page; returns its new path. A site root is never renamed. */
    public String rename(Session session, String path, String newName, String by) throws RepositoryException {
        Node page = existingPage(session, path);
        NodeNames.check(newName);
        if (!newName.equals(page.getName())) {
            requireNotSiteRoot(page, "renommée", "renamed");
        }
        if (newName.equals(page.getName())) {
            return path;
        }
        NodeNames.checkFree(page.getParent(), newName);
        Node parent = page.getParent();
        String next = parent.getPath() + "/" + newName;
        String following = nextSibling(page);
        session.move(page.getPath(), next);
        if (following != null) {
            parent.orderBefore(newName, following); // keep the page where it was among its siblings
        }
        FormSubmission.touch(session.getNode(next), by, clock);
        return relative(session.getNode(next));
    }

    /** Moves a page under another page ({@code /} for the top level); returns its new path. A site root stays. */
    public String move(Session session, String path, String newParentPath, String by) throws RepositoryException {
        Node page = existingPage(session, path);
        Node parent = page(session, newParentPath);
        if ((parent.getPath() + "/").startsWith(page.getPath() + "/")) {
            throw AuthoringException.invalid("Une page ne peut pas être déplacée sous elle-même.",
                    "A page cannot be moved below itself.");
        }
        if (!parent.isSame(page.getParent())) {
            requireNotSiteRoot(page, "déplacée", "moved");
        }
        NodeNames.checkFree(parent, page.getName());
        String target = parent.getPath() + "/" + page.getName();
        session.move(page.getPath(), target);
        FormSubmission.touch(session.getNode(target), by, clock);
        return relative(session.getNode(target));
    }

    /** Removes a page and its sub-pages (for pages never published; published ones go through publishing). */
    public void delete(Session session, String path) throws RepositoryException {
        Node page = existingPage(session, path);
        requireNotSiteRoot(page, "supprimée", "deleted");
        page.remove();
    }

    /**
     * Refuses (409, French and English message) to delete, rename or move a site root ({@link SiteRoot}): every
     * address of the site starts there. {@code doneFr}/{@code doneEn}: the action as a past participle.
     */
    void requireNotSiteRoot(Node page, String doneFr, String doneEn) throws RepositoryException {
        if (SiteRoot.isSiteRoot(page, definitions.get())) {
            throw new AuthoringException(409, "La page racine du site ne peut pas être " + doneFr
                    + " : toutes les adresses du site en dépendent.",
                    "The site's root page cannot be " + doneEn + ": every address of the site depends on it.");
        }
    }

    /** The page at {@code path}, or {@code /website} itself for {@code /}. */
    static Node page(Session session, String path) throws RepositoryException {
        String jcrPath = path == null || path.isBlank() || path.equals("/") ? "/website" : "/website" + path;
        if (!safe(path) || !session.nodeExists(jcrPath)) {
            throw AuthoringException.notFound("Page introuvable : " + path, "Page not found: " + path);
        }
        Node node = session.getNode(jcrPath);
        if (!jcrPath.equals("/website") && !node.isNodeType("mgnl:page")) {
            throw AuthoringException.notFound("Page introuvable : " + path, "Page not found: " + path);
        }
        return node;
    }

    static Node existingPage(Session session, String path) throws RepositoryException {
        if (path == null || path.equals("/") || path.isBlank()) {
            throw AuthoringException.invalid("Choisissez une page.", "Choose a page.");
        }
        return page(session, path);
    }

    static boolean safe(String path) {
        return path == null || (!path.contains("..") && !path.contains("[") && !path.contains("//"));
    }

    private static String nextSibling(Node node) throws RepositoryException {
        boolean found = false;
        for (javax.jcr.NodeIterator siblings = node.getParent().getNodes(); siblings.hasNext(); ) {
            Node sibling = siblings.nextNode();
            if (found) {
                return sibling.getName();
            }
            found = sibling.isSame(node);
        }
        return null;
    }

    private static String relative(Node page) throws RepositoryException {
        return page.getPath().substring("/website".length());
    }
}
