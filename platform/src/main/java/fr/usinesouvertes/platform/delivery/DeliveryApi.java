package fr.usinesouvertes.platform.delivery;

import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.module.runtime.Contributions;
import fr.usinesouvertes.platform.repository.ContentRepository;
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
     */
    public static void register(Contributions contributions, ContentRepository repository, Definitions definitions,
                                PublicUrl publicUrl, DeliveryVisibility visibility, ZoneId zone,
                                io.micrometer.core.instrument.MeterRegistry meters) {
        contributions.addRestComponent(new DeliveryResource(repository, definitions, publicUrl::host,
                visibility, zone, meters));
        contributions.addRestComponent(new TemplateAnnotationsResource(repository, definitions, visibility));
    }
}
