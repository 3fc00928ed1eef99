package fr.usinesouvertes.platform.admin.authoring.form;

import java.util.List;

/**
 * A form generated from a dialog or a content type: its fields in display order. The languages after
 * French, the default, are edited as {@code <name>_<lang>} properties of i18n fields.
 */
public record Form(String label, List<FormField> fields) {

    /** Languages edited besides French; an i18n field stores them as {@code name_en}. */
    public static final List<String> OTHER_LANGUAGES = List.of("en");
}
