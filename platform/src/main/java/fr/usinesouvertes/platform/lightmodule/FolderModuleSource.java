package fr.usinesouvertes.platform.lightmodule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A light module that is a sub-folder of the light-modules folder. */
final class FolderModuleSource implements ModuleSource {

    private final Path root;

    FolderModuleSource(Path root) {
        this.root = root;
    }

    @Override
    public String name() {
        return root.getFileName().toString();
    }

    /** The light-modules folder's own name and the module's, e.g. {@code light-modules/usines-ouvertes}: never the
     * server's absolute path, which staff reading {@code /.rest/definitions} have no need of. */
    @Override
    public String origin() {
        Path parent = root.toAbsolutePath().getParent();
        Path folder = parent == null ? null : parent.getFileName();
        return folder == null ? name() : folder + "/" + name();
    }

    @Override
    public List<String> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public Optional<String> read(String relativePath) throws IOException {
        Path file = root.resolve(relativePath).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Override
    public String sourceOf(String relativePath) {
        return name() + "/" + relativePath;
    }
}
