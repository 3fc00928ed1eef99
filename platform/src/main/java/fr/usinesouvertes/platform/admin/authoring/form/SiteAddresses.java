package fr.usinesouvertes.platform.admin.authoring.form;

import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.rendering.SiteRoot;
import java.util.Optional;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Between the site's addresses ({@code /usines}) and its pages' ids, as the drafts have them: what the forms need to
 * keep links in rich text by page id ({@link fr.usinesouvertes.platform.rendering.RichTextPageLinks}) — stamped on
 * save, the address written again from the id when the text is edited.
 */
public interface SiteAddresses {

    /** No page known: links are saved and edited as typed. */
    SiteAddresses NONE = new SiteAddresses() {
        @Override
        public Optional<String> pageId(String address) {
            return Optional.empty();
        }

        @Override
        public Optional<String> address(String pageId) {
            return Optional.empty();
        }
    };

    /** The id of the page at an address of the site. */
    Optional<String> pageId(String address);

    /** The address of the page with this id. */
    Optional<String> address(String pageId);

    /** The pages of {@code session}'s drafts, addressed as the site {@code registry} defines serves them. */
    static SiteAddresses of(Session session, DefinitionRegistry registry) {
        return new SiteAddresses() {
            @Override
            public Optional<String> pageId(String address) {
                try {
                    Optional<Node> page = SiteRoot.pageAt(session, address, registry);
                    return page.isPresent() ? Optional.of(page.get().getIdentifier()) : Optional.empty();
                } catch (RepositoryException e) {
                    return Optional.empty();
                }
            }

            @Override
            public Optional<String> address(String pageId) {
                try {
                    Node page = session.getNodeByIdentifier(pageId);
                    if (!page.getPath().startsWith("/website/")) {
                        return Optional.empty();
                    }
                    return Optional.ofNullable(SiteRoot.sitePath(session, page.getPath().substring("/website".length()),
                            registry));
                } catch (ItemNotFoundException | IllegalArgumentException e) {
                    return Optional.empty();
                } catch (RepositoryException e) {
                    return Optional.empty();
                }
            }
        };
    }
}
