package fr.usinesouvertes.platform.content;

import java.util.Locale;
import javax.jcr.ImportUUIDBehavior;

/**
 * What an import does with a node whose identifier ({@code jcr:uuid}) already exists in the repository, Magnolia's
 * choices: stop (the default: nothing of the file is imported), give the imported node a new identifier, remove the
 * existing node before importing, or replace the existing node where it is.
 */
public enum ImportMode {
    FAIL(ImportUUIDBehavior.IMPORT_UUID_COLLISION_THROW),
    CREATE_NEW(ImportUUIDBehavior.IMPORT_UUID_CREATE_NEW),
    REMOVE_EXISTING(ImportUUIDBehavior.IMPORT_UUID_COLLISION_REMOVE_EXISTING),
    REPLACE_EXISTING(ImportUUIDBehavior.IMPORT_UUID_COLLISION_REPLACE_EXISTING);

    private final int uuidBehavior;

    ImportMode(int uuidBehavior) {
        this.uuidBehavior = uuidBehavior;
    }

    int uuidBehavior() {
        return uuidBehavior;
    }

    /** As written on the command line and in forms: {@code fail}, {@code create-new}, {@code remove-existing}, {@code replace-existing}. */
    public String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The mode an option names; {@link ContentImportException} naming the choices otherwise. */
    public static ImportMode ofOption(String option) {
        for (ImportMode mode : values()) {
            if (mode.option().equals(option)) {
                return mode;
            }
        }
        throw new ContentImportException("mode '" + option + "' is not one of fail, create-new, remove-existing, "
                + "replace-existing");
    }
}
