package fr.usinesouvertes.platform.definition;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of every loaded definition and every problem found while loading. A reload
 * builds a new snapshot and swaps it in whole (see {@link Definitions}), so a request never sees half
 * a reload.
 */
public final class DefinitionRegistry {

    private final List<LightModuleInfo> modules;
    private final Map<String, Definition> definitions;
    private final Map<DefinitionType, Map<String, Definition>> definitionsByType;
    private final Map<String, TemplateDefinition> templates;
    private final Map<String, DialogDefinition> dialogs;
    private final Map<String, ContentTypeDefinition> contentTypes;
    private final Map<String, AppDefinition> apps;
    private final Map<String, DeliveryEndpointDefinition> endpointsByPath;
    private final List<SiteDefinition> sites;
    private final List<VirtualUriMapping> virtualUriMappings;
    private final List<WebhookDefinition> webhooks;
    private final MessageCatalog messages;
    private final List<Problem> problems;

    private DefinitionRegistry(Builder builder) {
        this.modules = List.copyOf(builder.modules);
        this.definitions = Collections.unmodifiableMap(new LinkedHashMap<>(builder.definitions));
        Map<DefinitionType, Map<String, Definition>> byType = new java.util.EnumMap<>(DefinitionType.class);
        builder.definitionsByType.forEach((type, map) -> byType.put(type, Collections.unmodifiableMap(new LinkedHashMap<>(map))));
        this.definitionsByType = Collections.unmodifiableMap(byType);
        this.templates = Collections.unmodifiableMap(new LinkedHashMap<>(builder.templates));
        this.dialogs = Collections.unmodifiableMap(new LinkedHashMap<>(builder.dialogs));
        this.contentTypes = Collections.unmodifiableMap(new LinkedHashMap<>(builder.contentTypes));
        this.apps = Collections.unmodifiableMap(new LinkedHashMap<>(builder.apps));
        Map<String, DeliveryEndpointDefinition> byPath = new LinkedHashMap<>();
        builder.endpoints.forEach(e -> byPath.putIfAbsent(e.endpointPath(), e)); // the first one loaded serves
        this.endpointsByPath = Collections.unmodifiableMap(byPath);
        this.sites = List.copyOf(builder.sites);
        this.virtualUriMappings = List.copyOf(builder.virtualUriMappings);
        this.webhooks = List.copyOf(builder.webhooks);
        this.messages = builder.messages;
        this.problems = List.copyOf(builder.problems);
    }

    public static DefinitionRegistry empty() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<LightModuleInfo> modules() {
        return modules;
    }

    /**
     * Every definition by id, typed or not, in load order. Ids are unique per type only (a page template and
     * its dialog are often both {@code module:pages/home}); here the later type in folder order wins, so use
     * {@link #definitions(DefinitionType)} or {@link #definition(DefinitionType, String)} to be exact.
     */
    public Map<String, Definition> definitions() {
        return definitions;
    }

    /** The definitions of one type by id, in load order. */
    public Map<String, Definition> definitions(DefinitionType type) {
        return definitionsByType.getOrDefault(type, Map.of());
    }

    public Optional<Definition> definition(DefinitionType type, String id) {
        return Optional.ofNullable(definitions(type).get(id));
    }

    public Optional<TemplateDefinition> template(String id) {
        return Optional.ofNullable(templates.get(id));
    }

    public Collection<TemplateDefinition> templates() {
        return templates.values();
    }

    public Optional<DialogDefinition> dialog(String id) {
        return Optional.ofNullable(dialogs.get(id));
    }

    public Collection<DialogDefinition> dialogs() {
        return dialogs.values();
    }

    /** A content type by id ({@code module:name}) or, when unambiguous, by bare name. */
    public Optional<ContentTypeDefinition> contentType(String idOrName) {
        ContentTypeDefinition byId = contentTypes.get(idOrName);
        if (byId != null) {
            return Optional.of(byId);
        }
        return contentTypes.values().stream().filter(c -> c.name().equals(idOrName)).findFirst();
    }

    public Collection<ContentTypeDefinition> contentTypes() {
        return contentTypes.values();
    }

    public Collection<AppDefinition> apps() {
        return apps.values();
    }

    /** A delivery endpoint by its path below {@code /.rest/}, e.g. {@code delivery/pages/v1}. */
    public Optional<DeliveryEndpointDefinition> endpoint(String endpointPath) {
        return Optional.ofNullable(endpointsByPath.get(endpointPath));
    }

    public Collection<DeliveryEndpointDefinition> endpoints() {
        return endpointsByPath.values();
    }

    /** The site definitions ({@code sites/}), in load order. */
    public List<SiteDefinition> sites() {
        return sites;
    }

    /**
     * The site that answers a request for {@code host}, as Magnolia's site manager chooses it: the site naming the
     * host among its domains; else the first site with no domains; else the site named {@code fallback}; else the first
     * site. Empty when no module defines a site.
     */
    public Optional<SiteDefinition> site(String host) {
        Optional<SiteDefinition> byDomain = sites.stream().filter(s -> s.servesHost(host)).findFirst();
        if (byDomain.isPresent()) {
            return byDomain;
        }
        Optional<SiteDefinition> anyHost = sites.stream()
                .filter(s -> s.domains().isEmpty() && !s.name().equals(SiteDefinition.FALLBACK)).findFirst();
        if (anyHost.isPresent()) {
            return anyHost;
        }
        Optional<SiteDefinition> fallback = sites.stream().filter(s -> s.name().equals(SiteDefinition.FALLBACK)).findFirst();
        return fallback.isPresent() ? fallback : sites.stream().findFirst();
    }

    /** Whether a site definition names {@code host} among its {@code domains}. */
    public boolean isSiteDomain(String host) {
        return sites.stream().anyMatch(s -> s.servesHost(host));
    }

    /** The webhooks ({@code webhooks/}) that can be called, in load order. */
    public List<WebhookDefinition> webhooks() {
        return webhooks;
    }

    /** The virtual URI mappings ({@code virtualUriMappings/}), in load order: the first matching one applies. */
    public List<VirtualUriMapping> virtualUriMappings() {
        return virtualUriMappings;
    }

    /** The languages of the site answering {@code host} (see {@link #site}); French then English without a site. */
    public SiteDefinition.SiteLanguages siteLanguages(String host) {
        return site(host).map(SiteDefinition::languages).orElse(SiteDefinition.SiteLanguages.DEFAULT);
    }

    public MessageCatalog messages() {
        return messages;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Collects a snapshot; used by the light-module loader. */
    public static final class Builder {
        private final java.util.ArrayList<LightModuleInfo> modules = new java.util.ArrayList<>();
        private final Map<String, Definition> definitions = new LinkedHashMap<>();
        private final Map<DefinitionType, Map<String, Definition>> definitionsByType = new java.util.EnumMap<>(DefinitionType.class);
        private final Map<String, TemplateDefinition> templates = new LinkedHashMap<>();
        private final Map<String, DialogDefinition> dialogs = new LinkedHashMap<>();
        private final Map<String, ContentTypeDefinition> contentTypes = new LinkedHashMap<>();
        private final Map<String, AppDefinition> apps = new LinkedHashMap<>();
        private final java.util.ArrayList<DeliveryEndpointDefinition> endpoints = new java.util.ArrayList<>();
        private final java.util.ArrayList<Problem> problems = new java.util.ArrayList<>();
        private final java.util.ArrayList<SiteDefinition> sites = new java.util.ArrayList<>();
        private final java.util.ArrayList<VirtualUriMapping> virtualUriMappings = new java.util.ArrayList<>();
        private final java.util.ArrayList<WebhookDefinition> webhooks = new java.util.ArrayList<>();
        private MessageCatalog messages = MessageCatalog.empty();

        private Builder() {
        }

        public Builder module(LightModuleInfo module) {
            modules.add(module);
            return this;
        }

        public Builder definition(Definition definition) {
            definitions.put(definition.id(), definition);
            definitionsByType.computeIfAbsent(definition.type(), t -> new LinkedHashMap<>()).put(definition.id(), definition);
            return this;
        }

        public Builder template(TemplateDefinition template) {
            templates.put(template.id(), template);
            return this;
        }

        public Builder dialog(DialogDefinition dialog) {
            dialogs.put(dialog.id(), dialog);
            return this;
        }

        public Builder contentType(ContentTypeDefinition contentType) {
            contentTypes.put(contentType.id(), contentType);
            return this;
        }

        public Builder app(AppDefinition app) {
            apps.put(app.id(), app);
            return this;
        }

        public Builder endpoint(DeliveryEndpointDefinition endpoint) {
            endpoints.add(endpoint);
            return this;
        }

        public Builder webhook(WebhookDefinition webhook) {
            webhooks.add(webhook);
            return this;
        }

        public Builder virtualUriMapping(VirtualUriMapping mapping) {
            virtualUriMappings.add(mapping);
            return this;
        }

        public Builder site(SiteDefinition site) {
            sites.add(site);
            return this;
        }

        /** The endpoint already collected at {@code endpointPath}, if any (two endpoints cannot share a path). */
        public java.util.Optional<DeliveryEndpointDefinition> endpointAt(String endpointPath) {
            return endpoints.stream().filter(e -> e.endpointPath().equals(endpointPath)).findFirst();
        }

        public Builder problem(Problem problem) {
            problems.add(problem);
            return this;
        }

        public Builder messages(MessageCatalog catalog) {
            this.messages = catalog;
            return this;
        }

        public DefinitionRegistry build() {
            return new DefinitionRegistry(this);
        }
    }
}
