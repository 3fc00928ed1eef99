package fr.usinesouvertes.platform.content;

import fr.usinesouvertes.platform.lightmodule.LightModuleOrigins;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds the bootstrap files of every light module: {@code <light-modules>/<module>/bootstrap/**.yaml} (and {@code .xml}, Magnolia's system-view exports)
 * for folder modules, and for a Java module's class-path light module the files listed in
 * {@code <root>/bootstrap/index.txt} (one path per line, {@code #} for comments), because a folder
 * inside a jar cannot be listed portably. A folder module hides a class-path module of the same name,
 * as it does for definitions. Modules come in name order, each module's files in {@link BootstrapFile#IMPORT_ORDER}.
 */
public final class BootstrapSources {

    static final String FOLDER = "bootstrap";
    static final String INDEX = "index.txt";

    private final LightModuleOrigins origins;
    private final ClassLoader classLoader;

    public BootstrapSources(LightModuleOrigins origins, ClassLoader classLoader) {
        this.origins = origins;
        this.classLoader = classLoader;
    }

    /** Every module's bootstrap files; a file that cannot be read is reported by an exception naming it. */
    public Map<String, List<BootstrapFile>> byModule() {
        Map<String, List<BootstrapFile>> modules = new TreeMap<>();
        origins.classpathRoots().forEach((module, root) -> modules.put(module, fromClasspath(module, root)));
        if (origins.folder() != null && Files.isDirectory(origins.folder())) {
            try (Stream<Path> folders = Files.list(origins.folder())) {
                folders.filter(Files::isDirectory).forEach(folder ->
                        modules.put(folder.getFileName().toString(), fromFolder(folder)));
            } catch (IOException e) {
                throw new ContentImportException(origins.folder() + ": cannot be listed: " + e.getMessage(), e);
            }
        }
        modules.values().removeIf(List::isEmpty);
        return modules;
    }

    private static List<BootstrapFile> fromFolder(Path moduleFolder) {
        Path bootstrap = moduleFolder.resolve(FOLDER);
        List<BootstrapFile> files = new ArrayList<>();
        if (!Files.isDirectory(bootstrap)) {
            return files;
        }
        String module = moduleFolder.getFileName().toString();
        try (Stream<Path> walk = Files.walk(bootstrap)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".xml")).toList()) {
                String relative = bootstrap.relativize(file).toString().replace('\\', '/');
                files.add(new BootstrapFile(module, relative, Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new ContentImportException(bootstrap + ": cannot be read: " + e.getMessage(), e);
        }
        files.sort(BootstrapFile.IMPORT_ORDER);
        return files;
    }

    private List<BootstrapFile> fromClasspath(String module, String root) {
        String base = (root.endsWith("/") ? root : root + "/") + FOLDER + "/";
        String base0 = base.startsWith("/") ? base.substring(1) : base;
        List<BootstrapFile> files = new ArrayList<>();
        for (String relative : readIndex(base0 + INDEX)) {
            String text = readResource(base0 + relative);
            if (text == null) {
                throw new ContentImportException("classpath:" + base0 + INDEX + " lists '" + relative
                        + "', which is not on the class path");
            }
            files.add(new BootstrapFile(module, relative, text));
        }
        files.sort(BootstrapFile.IMPORT_ORDER);
        return files;
    }

    private List<String> readIndex(String resource) {
        String text = readResource(resource);
        List<String> entries = new ArrayList<>();
        if (text == null) {
            return entries;
        }
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    entries.add(entry);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringReader does not fail
        }
        return entries;
    }

    private String readResource(String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ContentImportException("classpath:" + resource + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
