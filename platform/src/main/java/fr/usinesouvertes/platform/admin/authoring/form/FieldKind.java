package fr.usinesouvertes.platform.admin.authoring.form;

import java.util.Map;

/** What a form field is for the form engine: how it is shown, checked and stored. */
public enum FieldKind {
    /** One string, one line or several ({@code rows}); a number when the field declares a number type. */
    TEXT,
    /** HTML, sanitised on save. */
    RICH_TEXT,
    /** A JCR date, with or without the time of day. */
    DATE,
    /** A boolean. */
    CHECKBOX,
    /** One value among options. */
    SELECT,
    /** Several values among options, stored as a multi-valued property. */
    CHECKBOX_GROUP,
    /** The uuid of a page of {@code website}. */
    PAGE_LINK,
    /** {@code jcr:<uuid>} of an asset of {@code dam}. */
    ASSET_LINK,
    /** The uuid of a node of the field's workspace. */
    LINK,
    /** Several values of one inner field, stored as a multi-valued property. */
    MULTI_VALUE,
    /** Rows of one inner field (often composite), stored as child nodes {@code 0, 1, ...} of a child node. */
    MULTI_FIELD,
    /** Sub-fields stored on a child node named after the field. */
    COMPOSITE,
    /** A choice of option (property {@code field} of a child node) switching which sub-fields apply. */
    SWITCHABLE,
    /** A string the form carries without showing it. */
    HIDDEN,
    /** A file stored as a {@code mgnl:resource} child node named after the field. */
    UPLOAD,
    /** Text shown in the form, nothing stored. */
    STATIC;

    private static final Map<String, FieldKind> BY_TYPE = Map.ofEntries(
            Map.entry("textField", TEXT), Map.entry("codeField", TEXT), Map.entry("passwordField", TEXT),
            Map.entry("sliderField", TEXT), Map.entry("richTextField", RICH_TEXT), Map.entry("dateField", DATE),
            Map.entry("checkBoxField", CHECKBOX), Map.entry("checkboxField", CHECKBOX), Map.entry("checkbox", CHECKBOX),
            Map.entry("comboBoxField", SELECT), Map.entry("selectField", SELECT),
            Map.entry("radioButtonGroupField", SELECT), Map.entry("listSelectField", SELECT),
            Map.entry("checkBoxGroupField", CHECKBOX_GROUP), Map.entry("twinColSelectField", CHECKBOX_GROUP),
            Map.entry("tokenField", CHECKBOX_GROUP),
            Map.entry("pageLinkField", PAGE_LINK), Map.entry("damLinkField", ASSET_LINK),
            Map.entry("linkField", LINK), Map.entry("jcrMultiLinkField", MULTI_VALUE),
            Map.entry("jcrMultiValueField", MULTI_VALUE), Map.entry("multiValueField", MULTI_VALUE),
            Map.entry("jcrMultiField", MULTI_FIELD), Map.entry("compositeField", COMPOSITE),
            Map.entry("switchableField", SWITCHABLE), Map.entry("hiddenField", HIDDEN),
            Map.entry("uploadField", UPLOAD), Map.entry("basicUploadField", UPLOAD),
            Map.entry("staticField", STATIC));

    /** The kind of a 6 UI {@code $type}; unknown types are edited as text, Magnolia's default field. */
    public static FieldKind of(String type) {
        return BY_TYPE.getOrDefault(type, TEXT);
    }

    /** Whether the field holds one value in one property (the kinds a multi-value field can repeat). */
    public boolean isSimple() {
        return this != MULTI_VALUE && this != MULTI_FIELD && this != COMPOSITE && this != SWITCHABLE
                && this != UPLOAD && this != STATIC && this != CHECKBOX_GROUP;
    }
}
