package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.ContentTypeDefinition;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.DefinitionType;
import fr.usinesouvertes.platform.definition.DeliveryEndpointDefinition;
import fr.usinesouvertes.platform.definition.VirtualUriMapping;
import fr.usinesouvertes.platform.definition.WebhookDefinition;
import java.util.Map;

/** Turns a definition's merged YAML into the typed definition of its kind, if it has one. */
final class TypedDefinitions {

    private TypedDefinitions() {
    }

    /** {@code restClients}: the REST clients by name, for the webhooks that name one. */
    static void register(DefinitionType type, Map<String, Object> yaml, String contentType,
                         DefinitionContext context, DefinitionRegistry.Builder builder,
                         Map<String, Map<String, Object>> restClients) {
        switch (type) {
            case TEMPLATE -> builder.template(TemplateReader.read(yaml, context));
            case DIALOG -> builder.dialog(DialogReader.read(yaml, context));
            case CONTENT_TYPE -> {
                ContentTypeDefinition definition = ContentTypeReader.read(yaml, context);
                if (definition != null) {
                    builder.contentType(definition);
                }
            }
            case APP -> builder.app(AppReader.read(yaml, contentType, context));
            case REST_ENDPOINT -> {
                DeliveryEndpointDefinition endpoint = EndpointReader.read(yaml, context);
                if (endpoint == null) {
                    return;
                }
                DeliveryEndpointDefinition served = builder.endpointAt(endpoint.endpointPath()).orElse(null);
                if (served != null) {
                    context.error(yaml.containsKey("endpointPath") ? "endpointPath" : "", "endpoint path /.rest/"
                            + endpoint.endpointPath() + " is already served by " + served.id()
                            + "; this endpoint is not served");
                } else {
                    builder.endpoint(endpoint);
                }
            }
            case SITE -> builder.site(SiteReader.read(yaml, context));
            case WEBHOOK -> {
                WebhookDefinition webhook = WebhookReader.read(yaml, context, restClients);
                if (webhook != null) {
                    builder.webhook(webhook);
                }
            }
            case VIRTUAL_URI_MAPPING -> {
                VirtualUriMapping mapping = VirtualUriMappingReader.read(yaml, context);
                if (mapping != null) {
                    builder.virtualUriMapping(mapping);
                }
            }
            default -> {
                // blocks, themes, message views, REST clients (read by the webhooks naming them): raw definitions only
            }
        }
    }
}
