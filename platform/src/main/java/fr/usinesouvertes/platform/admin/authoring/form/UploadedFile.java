package fr.usinesouvertes.platform.admin.authoring.form;

/** A file sent with a form: the name the browser gave, the type it claimed and the bytes. */
public record UploadedFile(String fileName, String declaredType, byte[] data) {
}
