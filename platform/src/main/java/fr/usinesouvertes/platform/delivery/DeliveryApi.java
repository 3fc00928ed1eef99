package fr.usinesouvertes.platform.delivery;

import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.module.runtime.Contributions;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.security.PreviewTokens;
import java.time.ZoneId;

/**
 * The platform's headless REST resources: Magnolia's Delivery API for every configured endpoint and the
 * template annotations of the SPA page editor. Registered by the platform at start-up.
 */
public final class DeliveryApi {

    private DeliveryApi() {
    }

    /**
     * Adds the delivery resources to {@code contributions}.
     *
     * @param publicUrl the site's public address: its host chooses the site whose languages answers are in
     * @param zone the time zone of {@code yyyy-MM-dd} dates in filters (the platform clock's)
     * @param meters where the answers' cache reports its statistics
     * @param previewTokens the tokens that let a request read drafts (a front end in the page editor)
     */
    public static void register(Contributions contributions, ContentRepository repository, Definitions definitions,
                                PublicUrl publicUrl, DeliveryVisibility visibility, ZoneId zone,
                                io.micrometer.core.instrument.MeterRegistry meters, PreviewTokens previewTokens) {
        DraftReading drafts = new DraftReading(previewTokens::verify);
        contributions.addRestComponent(new DeliveryResource(repository, definitions, publicUrl,
                visibility, drafts, zone, meters));
        contributions.addRestComponent(new TemplateAnnotationsResource(repository, definitions, visibility, drafts));
    }
}
