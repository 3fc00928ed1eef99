package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.lightmodule.LightModuleOrigins;
import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads templates by their path from the light-modules root ({@code usines-ouvertes/templates/x.ftl},
 * FreeMarker drops the leading slash): from the light-modules folder first, else from the class-path
 * folder of the Java module of that name. A folder module wins, as for definitions.
 */
final class LightModuleTemplateLoader implements TemplateLoader {

    private final LightModuleOrigins origins;
    private final ClassLoader classLoader;

    LightModuleTemplateLoader(LightModuleOrigins origins, ClassLoader classLoader) {
        this.origins = origins;
        this.classLoader = classLoader;
    }

    /** A template found in a folder or on the class path. */
    private record Source(Path file, URL url) {
    }

    @Override
    public Object findTemplateSource(String name) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        if (!WebResources.isSafeRelativePath(path)) {
            return null;
        }
        if (origins.folder() != null) {
            Path file = origins.folder().resolve(path).normalize();
            if (file.startsWith(origins.folder().normalize()) && Files.isRegularFile(file)) {
                return new Source(file, null);
            }
        }
        int slash = path.indexOf('/');
        String root = slash < 0 ? null : origins.classpathRoots().get(path.substring(0, slash));
        if (root != null) {
            URL url = classLoader.getResource(root + path.substring(slash));
            if (url != null) {
                return new Source(null, url);
            }
        }
        return null;
    }

    @Override
    public long getLastModified(Object templateSource) {
        Source source = (Source) templateSource;
        try {
            if (source.file() != null) {
                return Files.getLastModifiedTime(source.file()).toMillis();
            }
            URLConnection connection = source.url().openConnection();
            connection.setUseCaches(false);
            return connection.getLastModified();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public Reader getReader(Object templateSource, String encoding) throws IOException {
        Source source = (Source) templateSource;
        if (source.file() != null) {
            return Files.newBufferedReader(source.file(), StandardCharsets.UTF_8);
        }
        URLConnection connection = source.url().openConnection();
        connection.setUseCaches(false);
        return new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8);
    }

    @Override
    public void closeTemplateSource(Object templateSource) {
        // nothing held open between calls
    }
}
