package fr.usinesouvertes.platform.lightmodule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A light module shipped in a Java module's resources. Its files are listed from the class-path
 * folder itself or, when the folder is inside a jar, from the jar's entries: no index file is needed.
 */
final class ClasspathModuleSource implements ModuleSource {

    private final String name;
    private final String root;
    private final ClassLoader classLoader;

    ClasspathModuleSource(String name, String root, ClassLoader classLoader) {
        this.name = name;
        this.root = trimSlashes(root);
        this.classLoader = classLoader;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String origin() {
        return "classpath:" + root;
    }

    @Override
    public List<String> files() throws IOException {
        List<String> files = new ArrayList<>();
        Enumeration<URL> urls = classLoader.getResources(root);
        while (urls.hasMoreElements()) {
            URL url = urls.nextElement();
            if ("file".equals(url.getProtocol())) {
                listFolder(url, files);
            } else if ("jar".equals(url.getProtocol())) {
                listJar(url, files);
            }
        }
        return files.stream().distinct().sorted().toList();
    }

    private static void listFolder(URL url, List<String> files) throws IOException {
        try {
            Path folder = Path.of(url.toURI());
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(Files::isRegularFile)
                        .forEach(p -> files.add(folder.relativize(p).toString().replace('\\', '/')));
            }
        } catch (URISyntaxException e) {
            throw new IOException("Bad class-path folder " + url, e);
        }
    }

    private void listJar(URL url, List<String> files) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        String prefix = root + "/";
        try (JarFile jar = connection.getJarFile()) {
            jar.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith(prefix) && !n.endsWith("/"))
                    .forEach(n -> files.add(n.substring(prefix.length())));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public Optional<String> read(String relativePath) throws IOException {
        if (relativePath.contains("..")) {
            return Optional.empty();
        }
        try (InputStream in = classLoader.getResourceAsStream(root + "/" + trimSlashes(relativePath))) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public String sourceOf(String relativePath) {
        return origin() + "/" + relativePath;
    }

    private static String trimSlashes(String path) {
        String trimmed = path;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
