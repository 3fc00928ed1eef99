package fr.usinesouvertes.platform.admin.authoring.shared;

import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.mail.MailSender;
import fr.usinesouvertes.platform.publishing.Publishing;
import fr.usinesouvertes.platform.publishing.ReviewRequests;
import fr.usinesouvertes.platform.security.Accounts;
import fr.usinesouvertes.platform.rendering.PagePreview;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.search.SearchIndexes;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What the authoring apps work with.
 *
 * @param publishing     the publishing service, or {@code null} when the platform has none (buttons are then hidden)
 * @param searchIndexes  rebuilt by the re-index task, or {@code null}
 * @param maxUploadBytes the largest asset accepted
 * @param preview        renders draft pages (known once the platform's servlets exist), or gives {@code null}
 * @param zone           the site's time zone ({@code time-zone}): dates typed in forms and schedules, and shown in lists
 * @param reviews        review before publishing, or {@code null} when the platform has no publishing
 * @param accounts       the back-office accounts (the publishers e-mailed about review requests)
 * @param mail           the platform's mail sender
 * @param publicUrl      the base of every link in an e-mail
 * @param previewTokens  lets a front end shown in the page editor read the drafts through the Delivery API
 */
public record AuthoringContext(ContentRepository repository, Supplier<DefinitionRegistry> definitions, Clock clock,
                               Publishing publishing, Supplier<SearchIndexes> searchIndexes, long maxUploadBytes,
                               Supplier<PagePreview> preview, java.time.ZoneId zone, ReviewRequests reviews,
                               Accounts accounts, MailSender mail, PublicUrl publicUrl,
                               fr.usinesouvertes.platform.security.PreviewTokens previewTokens) {

    /** Assets above 20 MB are refused unless configured otherwise. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
}
