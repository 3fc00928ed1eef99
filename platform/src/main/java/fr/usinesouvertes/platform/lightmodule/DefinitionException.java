package fr.usinesouvertes.platform.lightmodule;

/** A file that cannot be turned into a definition: bad YAML, a missing include, a cycle... */
final class DefinitionException extends Exception {

    private final String source;
    private final int line;

    DefinitionException(String source, int line, String reason) {
        super(reason);
        this.source = source;
        this.line = line;
    }

    String source() {
        return source;
    }

    int line() {
        return line;
    }
}
