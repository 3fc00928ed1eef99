package fr.usinesouvertes.platform.admin.authoring.form;

import fr.usinesouvertes.platform.definition.MessageCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * Labels and descriptions of form fields in the back office's language, as Magnolia finds them. A literal
 * {@code label} (or {@code description}) of the definition wins, itself looked up as a message key first
 * ({@code label: pages.pageProperties.title.label}). Without one, the keys Magnolia generates are looked up
 * in the light modules' i18n bundles, most specific first:
 * <ul>
 *   <li>dialog fields: {@code <module>.<dialog path>.<tab>.<field>.label}, then
 *       {@code <module>.<dialog path>.<field>.label} (dialog {@code usines-ouvertes:components/text} gives
 *       {@code usines-ouvertes.components.text.title.label});</li>
 *   <li>fields of a content app generated from a content type: {@code <app>.detail.<field>.label} (the detail
 *       sub-app's form), then {@code <app>.<field>.label};</li>
 *   <li>sub-fields (composite, multi-field rows) add their parent's name: {@code <prefix>.<parent>.<child>.label},
 *       then {@code <prefix>.<child>.label};</li>
 * </ul>
 * and {@code .description} instead of {@code .label} for the help text. A missing key falls back to French,
 * then to the field's name.
 */
public final class FormLabels {

    private static final FormLabels NONE = new FormLabels(MessageCatalog.empty(), MessageCatalog.DEFAULT_LANGUAGE);

    private final MessageCatalog messages;
    private final String language;

    private FormLabels(MessageCatalog messages, String language) {
        this.messages = messages;
        this.language = language;
    }

    /** Labels from {@code messages} in {@code language} ({@code fr}, {@code en}). */
    public static FormLabels of(MessageCatalog messages, String language) {
        return new FormLabels(messages, language == null ? MessageCatalog.DEFAULT_LANGUAGE : language);
    }

    /** Only the definitions' literal labels. */
    public static FormLabels none() {
        return NONE;
    }

    /** {@code usines-ouvertes.components.text} for the dialog {@code usines-ouvertes:components/text}. */
    public static String dialogPrefix(String dialogId) {
        return dialogId.replace(':', '.').replace('/', '.');
    }

    /** The message of a literal that is a key, else the literal; {@code null} stays null. */
    public String literal(String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        String message = messages.lookup(language, text.trim());
        return message == null ? text : message;
    }

    /**
     * The field with its label and description resolved, and those of its sub-fields.
     *
     * @param prefixes key prefixes, most specific first (e.g. {@code pressReleases.detail}, {@code pressReleases})
     * @param tab      the tab holding the field, or {@code null}
     */
    FormField resolve(FormField field, List<String> prefixes, String tab) {
        return resolve(field, prefixes, tab, List.of());
    }

    private FormField resolve(FormField field, List<String> prefixes, String tab, List<String> parents) {
        List<String> paths = new ArrayList<>();
        if (!parents.isEmpty()) {
            paths.add(String.join(".", parents) + "." + field.name());
        }
        paths.add(field.name());
        String label = hasText(field.label()) ? literal(field.label()) : generated(prefixes, tab, paths, "label");
        String description = hasText(field.description()) ? literal(field.description())
                : generated(prefixes, tab, paths, "description");
        List<String> below = new ArrayList<>(parents);
        below.add(field.name());
        FormField item = field.item() == null ? null : resolveItem(field.item(), prefixes, tab, below, label);
        List<FormField> children = field.children().stream().map(c -> resolve(c, prefixes, tab, below)).toList();
        // an option's label may be a message key (Magnolia's convention for translated choices)
        List<Option> options = field.options().stream()
                .map(o -> new Option(o.value(), hasText(o.label()) && !o.label().equals("null") ? literal(o.label())
                        : o.value())).toList();
        return field.withTexts(label, description, item, children).withOptions(options);
    }

    /** The repeated field of a multi-value or multi field: its own keys, else its parent's label. */
    private FormField resolveItem(FormField item, List<String> prefixes, String tab, List<String> parents,
                                  String parentLabel) {
        FormField resolved = item.kind() == FieldKind.COMPOSITE
                ? item.withTexts(item.label(), item.description(), null,
                        item.children().stream().map(c -> resolve(c, prefixes, tab, parents)).toList())
                : resolve(item, prefixes, tab, parents);
        return hasText(resolved.label()) ? resolved
                : resolved.withTexts(parentLabel, resolved.description(), resolved.item(), resolved.children());
    }

    private String generated(List<String> prefixes, String tab, List<String> paths, String suffix) {
        for (String path : paths) {
            for (String prefix : prefixes) {
                if (tab != null && !tab.isBlank()) {
                    String found = messages.lookup(language, prefix + "." + tab + "." + path + "." + suffix);
                    if (found != null) {
                        return found;
                    }
                }
                String found = messages.lookup(language, prefix + "." + path + "." + suffix);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
