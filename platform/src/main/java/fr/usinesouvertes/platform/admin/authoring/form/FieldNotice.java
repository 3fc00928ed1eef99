package fr.usinesouvertes.platform.admin.authoring.form;

import java.util.List;

/**
 * What saving did to a field's value that the editor should know, in French (shown by default) and
 * English: e.g. what the rich-text sanitiser removed.
 *
 * @param field the parameter name of the input, e.g. {@code body} or {@code body_en}
 */
public record FieldNotice(String field, String message, String messageEn) {

    public String message(String lang) {
        return "en".equals(lang) ? messageEn : message;
    }

    /** The notice of a rich text from which cleaning removed {@code removed} (descriptions of elements, attributes). */
    static FieldNotice richTextCleaned(String field, List<String> removed) {
        String list = String.join(", ", removed);
        return new FieldNotice(field, "Enregistré sans ce que la mise en forme n'autorise pas : " + list + ".",
                "Saved without what the formatting does not allow: " + list + ".");
    }
}
