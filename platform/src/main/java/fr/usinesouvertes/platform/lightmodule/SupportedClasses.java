package fr.usinesouvertes.platform.lightmodule;

import java.util.Set;

/**
 * The Magnolia implementation classes and {@code $type}s the platform implements. Anything else written
 * as a {@code class}, {@code modelClass} or {@code $type} (a JavaScript model, personalization,
 * Magnolia SaaS datasources...) is reported as unsupported for its definition, which still loads
 * without that part. Java classes outside {@code info.magnolia} are not judged: a platform module may
 * provide them.
 */
final class SupportedClasses {

    private static final Set<String> CLASSES = Set.of(
            "info.magnolia.rendering.template.configured.ConfiguredTemplateDefinition",
            "info.magnolia.rendering.template.configured.ConfiguredAreaDefinition",
            "info.magnolia.rendering.template.configured.ConfiguredInheritance",
            "info.magnolia.rest.delivery.jcr.v2.JcrDeliveryEndpointDefinition",
            "info.magnolia.rest.reference.dam.AssetReferenceResolverDefinition",
            "info.magnolia.rest.reference.jcr.JcrReferenceResolverDefinition",
            "info.magnolia.ui.admincentral.dialog.action.SaveDialogActionDefinition",
            "info.magnolia.ui.admincentral.dialog.action.CancelDialogActionDefinition",
            "info.magnolia.ui.dialog.action.SaveDialogActionDefinition",
            "info.magnolia.ui.dialog.action.CancelDialogActionDefinition",
            "info.magnolia.dam.app.assets.field.translator.AssetCompositeIdKeyTranslator",
            "info.magnolia.cms.i18n.DefaultI18nContentSupport",
            "info.magnolia.cms.i18n.IetfI18nContentSupport",
            "info.magnolia.rendering.spa.renderer.SpaRenderableDefinition",
            "info.magnolia.rendering.generator.CopyGenerator",
            "info.magnolia.virtualuri.mapping.DefaultVirtualUriMapping",
            "info.magnolia.virtualuri.mapping.RegexpVirtualUriMapping",
            "info.magnolia.rest.client.ConfiguredRestClientDefinition",
            "info.magnolia.rest.client.call.ConfiguredRestCallDefinition");

    private static final Set<String> OTHER_TYPES = Set.of(
            "jcrDeliveryEndpoint_v2", "assetReferenceResolver", "jcrReferenceResolver", "spa", "siteSpa", "default", "regexp");

    private SupportedClasses() {
    }

    static boolean isSupportedClass(String className) {
        return !className.startsWith("info.magnolia.") || CLASSES.contains(className)
                || FieldTypes.ofClass(className).isPresent();
    }

    static boolean isSupportedType(String type) {
        return FieldTypes.KNOWN_TYPES.contains(type) || OTHER_TYPES.contains(type);
    }
}
