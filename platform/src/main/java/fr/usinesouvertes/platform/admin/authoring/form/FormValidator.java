package fr.usinesouvertes.platform.admin.authoring.form;

import fr.usinesouvertes.platform.repository.NodesByIdentifier;
import fr.usinesouvertes.platform.publishing.ContentStage;
import fr.usinesouvertes.platform.rendering.AssetLinks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.jsoup.Jsoup;

/**
 * Checks submitted values against a form: required fields, lengths, numbers, dates, options and that
 * links point at existing pages, assets or items. Reads only; nothing is written while checking.
 */
public final class FormValidator {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Session session;
    private final FormValues values;
    private final List<FieldError> errors = new ArrayList<>();

    private FormValidator(Session session, FormValues values) {
        this.session = session;
        this.values = values;
    }

    /** Every error of the submitted values, in field order; empty when they can be saved. */
    public static List<FieldError> validate(Form form, FormValues values, Session session) throws RepositoryException {
        FormValidator validator = new FormValidator(session, values);
        for (FormField field : form.fields()) {
            validator.check(field, "");
        }
        return List.copyOf(validator.errors);
    }

    private void check(FormField field, String prefix) throws RepositoryException {
        String name = prefix + field.name();
        switch (field.kind()) {
            case STATIC, UPLOAD -> {
                // a file is checked by the assets app; static text holds nothing
            }
            case COMPOSITE -> {
                for (FormField sub : field.children()) {
                    check(sub, name + ".");
                }
            }
            case SWITCHABLE -> checkSwitchable(field, name);
            case MULTI_FIELD -> checkRows(field, name);
            case MULTI_VALUE, CHECKBOX_GROUP -> checkMultiValue(field, name);
            default -> {
                checkOne(field, name, values.first(name), field.required());
                if (field.i18n()) {
                    for (String language : Form.OTHER_LANGUAGES) {
                        checkOne(field, name + "_" + language, values.first(name + "_" + language), false);
                    }
                }
            }
        }
    }

    private void checkSwitchable(FormField field, String name) throws RepositoryException {
        String option = values.first(name + ".field");
        if (option.isEmpty()) {
            if (field.required()) {
                error(name + ".field", field, "Choisissez une option.", "Choose an option.");
            }
            return;
        }
        if (field.hasFixedOptions() && field.options().stream().noneMatch(o -> o.value().equals(option))) {
            error(name + ".field", field, "Choix inconnu.", "Unknown choice.");
            return;
        }
        List<String> shown = field.switchForms().getOrDefault(option, List.of());
        for (FormField sub : field.children()) {
            if (shown.contains(sub.name())) {
                check(sub, name + ".");
            }
        }
    }

    private void checkRows(FormField field, String name) throws RepositoryException {
        int kept = 0;
        for (int row : values.rows(name + ".")) {
            String rowPrefix = name + "." + row + ".";
            if (!values.first(rowPrefix + FormValues.DELETE).isEmpty() || !values.anyValueUnder(rowPrefix)) {
                continue;
            }
            kept++;
            if (field.item().kind() == FieldKind.COMPOSITE) {
                for (FormField sub : field.item().children()) {
                    check(sub, rowPrefix);
                }
            } else {
                check(field.item(), rowPrefix);
            }
        }
        if (kept == 0 && field.required()) {
            error(name, field, "Ajoutez au moins une ligne.", "Add at least one row.");
        }
    }

    private void checkMultiValue(FormField field, String name) throws RepositoryException {
        List<String> all = values.all(name);
        if (all.isEmpty() && field.required()) {
            error(name, field, "Ce champ est obligatoire.", "This field is required.");
        }
        FormField item = field.kind() == FieldKind.CHECKBOX_GROUP || field.item() == null ? field : field.item();
        int before = errors.size();
        for (String value : all) {
            if (field.kind() == FieldKind.CHECKBOX_GROUP) {
                if (field.hasFixedOptions() && field.options().stream().noneMatch(o -> o.value().equals(value))) {
                    error(name, field, "Choix inconnu : " + value + ".", "Unknown choice: " + value + ".");
                }
            } else {
                checkOne(item, name, value, false);
            }
            if (errors.size() > before) {
                return; // one message per multi-value field is enough to find the culprit
            }
        }
    }

    private void checkOne(FormField field, String name, String value, boolean required) throws RepositoryException {
        if (value.isEmpty() || (field.kind() == FieldKind.RICH_TEXT && Jsoup.parse(value).text().isBlank()
                && !value.contains("<img"))) {
            if (required) {
                error(name, field, "Ce champ est obligatoire.", "This field is required.");
            }
            return;
        }
        if (field.maxLength() != null && value.length() > field.maxLength()) {
            error(name, field, field.maxLength() + " caractères au plus (actuellement " + value.length() + ").",
                    "At most " + field.maxLength() + " characters (now " + value.length() + ").");
            return;
        }
        switch (field.kind()) {
            case DATE -> {
                if (FormDates.parse(value, field.time(), java.time.ZoneOffset.UTC).isEmpty()) {
                    error(name, field, field.time() ? "Date et heure invalides (attendu : AAAA-MM-JJ HH:MM)."
                            : "Date invalide (attendu : AAAA-MM-JJ).", field.time()
                            ? "Invalid date and time (expected: YYYY-MM-DD HH:MM)." : "Invalid date (expected: YYYY-MM-DD).");
                }
            }
            case CHECKBOX -> {
                if (!List.of("true", "on", "false").contains(value)) {
                    error(name, field, "Valeur de case à cocher invalide.", "Invalid checkbox value.");
                }
            }
            case SELECT -> {
                if (field.hasFixedOptions() && field.options().stream().noneMatch(o -> o.value().equals(value))) {
                    error(name, field, "Choix inconnu.", "Unknown choice.");
                }
            }
            case PAGE_LINK -> {
                Node page = byIdentifier(value, "/website/");
                if (page == null || !page.isNodeType("mgnl:page")) {
                    error(name, field, "Page introuvable.", "Page not found.");
                }
            }
            case ASSET_LINK -> {
                if (AssetLinks.find(session, ContentStage.DRAFT, value) == null) {
                    error(name, field, "Fichier introuvable dans la médiathèque.", "File not found in the assets.");
                }
            }
            case LINK -> {
                if (field.workspace() != null && byIdentifier(value, "/" + field.workspace() + "/") == null) {
                    error(name, field, "Élément introuvable.", "Item not found.");
                }
            }
            case TEXT, HIDDEN -> checkText(field, name, value);
            default -> {
                // rich text is sanitised when written
            }
        }
    }

    private void checkText(FormField field, String name, String value) {
        switch (field.valueType()) {
            case LONG -> {
                try {
                    Long.parseLong(value);
                } catch (NumberFormatException e) {
                    error(name, field, "Nombre entier attendu.", "A whole number is expected.");
                    return;
                }
            }
            case DOUBLE, DECIMAL -> {
                try {
                    new BigDecimal(value.replace(',', '.'));
                } catch (NumberFormatException e) {
                    error(name, field, "Nombre attendu.", "A number is expected.");
                    return;
                }
            }
            default -> {
                // any string
            }
        }
        if (field.email() && !EMAIL.matcher(value).matches()) {
            error(name, field, message(field, "Adresse e-mail invalide."), "Invalid e-mail address.");
        } else if (field.pattern() != null && !field.pattern().matcher(value).matches()) {
            error(name, field, message(field, "Format invalide."), "Invalid format.");
        }
    }

    private Node byIdentifier(String value, String under) throws RepositoryException {
        try {
            Node node = NodesByIdentifier.find(session, value);
            return node.getPath().startsWith(under) ? node : null;
        } catch (ItemNotFoundException | IllegalArgumentException e) {
            return null;
        } catch (RepositoryException e) {
            return null; // a malformed identifier is a refused value, not a failure
        }
    }

    private static String message(FormField field, String fallback) {
        return field.patternMessage() == null ? fallback : field.patternMessage();
    }

    private void error(String name, FormField field, String fr, String en) {
        errors.add(new FieldError(name, field.displayLabel(), fr, en));
    }
}
