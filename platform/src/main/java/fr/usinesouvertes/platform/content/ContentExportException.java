package fr.usinesouvertes.platform.content;

/** A subtree cannot be exported, e.g. because it does not exist. */
public class ContentExportException extends RuntimeException {

    public ContentExportException(String message) {
        super(message);
    }
}
