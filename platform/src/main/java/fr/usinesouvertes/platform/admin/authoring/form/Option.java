package fr.usinesouvertes.platform.admin.authoring.form;

/** One choice of a select-like field: the stored value and its label. */
public record Option(String value, String label) {
}
