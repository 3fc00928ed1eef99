package fr.usinesouvertes.platform.content;

/** A content file cannot be imported; the message names the file, and the line for YAML syntax errors. */
public class ContentImportException extends RuntimeException {

    public ContentImportException(String message) {
        super(message);
    }

    public ContentImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
