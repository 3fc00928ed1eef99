package fr.usinesouvertes.platform.publishing.webhooks;

import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.definition.WebhookDefinition;
import fr.usinesouvertes.platform.publishing.PublicationListener;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.UUID;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Queues a call of each enabled webhook whose event matches a publication, in the commit of the publication itself
 * (under {@value #ROOT}): a publication that fails queues nothing, and a queued call survives a crash and is made once,
 * by {@link WebhookSender} on whichever node holds its cluster job.
 */
public final class WebhookOutbox implements PublicationListener {

    /** Where queued calls wait, one node each. */
    public static final String ROOT = "/publishing/webhooks";

    private final Definitions definitions;

    public WebhookOutbox(Definitions definitions) {
        this.definitions = definitions;
    }

    @Override
    public void onPublication(Session session, Event event) throws RepositoryException {
        boolean published = event.kind() == Kind.PUBLISHED;
        for (WebhookDefinition webhook : definitions.current().webhooks()) {
            if (!webhook.enabled()) {
                continue;
            }
            for (WebhookDefinition.Event hook : webhook.events()) {
                if (hook.matches(published, event.workspace(), event.path(), event.nodeType())) {
                    queue(session, webhook, hook, event);
                }
            }
        }
    }

    private static void queue(Session session, WebhookDefinition webhook, WebhookDefinition.Event hook, Event event)
            throws RepositoryException {
        Node root = session.getRootNode();
        for (String name : ROOT.substring(1).split("/")) {
            root = root.hasNode(name) ? root.getNode(name) : root.addNode(name, "nt:unstructured");
        }
        Calendar at = GregorianCalendar.from(event.at().atZone(TimeZone.getTimeZone("UTC").toZoneId()));
        Node call = root.addNode(UUID.randomUUID().toString(), "nt:unstructured");
        call.setProperty("webhook", webhook.name());
        call.setProperty("event", hook.name() == null ? "" : hook.name());
        call.setProperty("eventType", event.kind() == Kind.PUBLISHED ? "Published" : "Unpublished");
        call.setProperty("workspace", event.workspace());
        call.setProperty("path", event.path());
        call.setProperty("id", event.identifier());
        call.setProperty("nodeType", event.nodeType());
        call.setProperty("by", event.by());
        call.setProperty("at", at);
        call.setProperty("nextAttempt", at);
        call.setProperty("attempts", 0L);
    }
}
