package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.Problem;
import java.util.List;

/** The definition a typed reader works on, and where it reports what it cannot use. */
record DefinitionContext(String id, String source, YamlDocument document, List<Problem> problems) {

    void warning(String path, String reason) {
        problems.add(Problem.warning(source, document.line(path), id, reason));
    }

    void error(String path, String reason) {
        problems.add(Problem.error(source, document.line(path), id, reason));
    }
}
