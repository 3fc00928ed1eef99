package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.lightmodule.LightModuleOrigins;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The web resources of light modules: files below {@code <module>/webresources/}, from the light-modules
 * folder or, for Java modules, from their class-path folder (a folder module wins). Addressed as
 * {@code /<module>/webresources/<path>}, the path they are served at below {@code /.resources}.
 */
public final class WebResources {

    private static final String FOLDER = "webresources";
    private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final LightModuleOrigins origins;
    private final ClassLoader classLoader;

    public WebResources(LightModuleOrigins origins, ClassLoader classLoader) {
        this.origins = origins;
        this.classLoader = classLoader;
    }

    /** A found file: its size, last modification (ms, 0 when unknown) and content. */
    public interface Resource {
        long size();

        long lastModified();

        InputStream open() throws IOException;
    }

    /** True for a relative path without empty, {@code .} or {@code ..} segments, backslashes or control characters. */
    static boolean isSafeRelativePath(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return path.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** The file at {@code /<module>/webresources/<path>}, if the path is safe and the file exists. */
    public Optional<Resource> find(String resourcePath) {
        String path = resourcePath.startsWith("/") ? resourcePath.substring(1) : resourcePath;
        String[] parts = path.split("/", 3);
        if (!isSafeRelativePath(path) || parts.length < 3 || !MODULE.matcher(parts[0]).matches()
                || !parts[1].equals(FOLDER)) {
            return Optional.empty();
        }
        if (origins.folder() != null) {
            Path base = origins.folder().resolve(parts[0]).resolve(FOLDER).normalize();
            Path file = base.resolve(parts[2]).normalize();
            if (file.startsWith(base) && Files.isRegularFile(file)) {
                return Optional.of(new FileResource(file));
            }
        }
        String root = origins.classpathRoots().get(parts[0]);
        if (root != null && (origins.folder() == null || !Files.isDirectory(origins.folder().resolve(parts[0])))) {
            URL url = classLoader.getResource(root + "/" + FOLDER + "/" + parts[2]);
            if (url != null && !url.getPath().endsWith("/") && !isDirectory(url)) {
                return Optional.of(new UrlResource(url));
            }
        }
        return Optional.empty();
    }

    /** Every web resource path ({@code /<module>/webresources/...}), sorted. */
    public List<String> list() {
        TreeSet<String> paths = new TreeSet<>();
        TreeSet<String> folderModules = new TreeSet<>();
        if (origins.folder() != null && Files.isDirectory(origins.folder())) {
            try (Stream<Path> modules = Files.list(origins.folder())) {
                for (Path module : modules.filter(Files::isDirectory).toList()) {
                    folderModules.add(module.getFileName().toString());
                    collect(module.resolve(FOLDER), "/" + module.getFileName() + "/" + FOLDER, paths);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Map.Entry<String, String> module : origins.classpathRoots().entrySet()) {
            if (!folderModules.contains(module.getKey())) {
                collectClasspath(module.getKey(), module.getValue(), paths);
            }
        }
        return List.copyOf(paths);
    }

    private void collectClasspath(String module, String root, TreeSet<String> paths) {
        URL url = classLoader.getResource(root + "/" + FOLDER);
        if (url == null) {
            return;
        }
        try {
            URI uri = url.toURI();
            if ("file".equals(uri.getScheme())) {
                collect(Path.of(uri), "/" + module + "/" + FOLDER, paths);
            } else if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                collect(jar.provider().getPath(uri), "/" + module + "/" + FOLDER, paths);
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot list web resources of module " + module, e);
        }
    }

    private static void collect(Path folder, String prefix, TreeSet<String> paths) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                List<String> segments = new ArrayList<>();
                folder.relativize(file).forEach(segment -> segments.add(segment.toString()));
                paths.add(prefix + "/" + String.join("/", segments));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isDirectory(URL url) {
        try {
            return "file".equals(url.getProtocol()) && Files.isDirectory(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private record FileResource(Path file) implements Resource {
        @Override
        public long size() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public long lastModified() {
            try {
                return Files.getLastModifiedTime(file).toMillis();
            } catch (IOException e) {
                return 0;
            }
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }
    }

    private record UrlResource(URL url) implements Resource {
        @Override
        public long size() {
            try {
                URLConnection connection = url.openConnection();
                connection.setUseCaches(false);
                return connection.getContentLengthLong();
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public long lastModified() {
            try {
                URLConnection connection = url.openConnection();
                connection.setUseCaches(false);
                return Math.max(0, connection.getLastModified());
            } catch (IOException e) {
                return 0;
            }
        }

        @Override
        public InputStream open() throws IOException {
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            return connection.getInputStream();
        }
    }
}
