package fr.usinesouvertes.platform.lightmodule;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The files of one light module, wherever they are stored (a folder, or a Java module's class path). */
interface ModuleSource {

    String name();

    /** The folder, or {@code classpath:<root>}; shown in {@code /.rest/definitions}. */
    String origin();

    /** Every file of the module, as paths relative to the module with {@code /} separators. */
    List<String> files() throws IOException;

    /** The text of a file (UTF-8), or empty when the module has no such file. */
    Optional<String> read(String relativePath) throws IOException;

    /** How problems name a file of this module: relative to the light-modules folder, or {@code classpath:...}. */
    String sourceOf(String relativePath);
}
