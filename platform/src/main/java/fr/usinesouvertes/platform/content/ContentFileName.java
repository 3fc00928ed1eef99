package fr.usinesouvertes.platform.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Magnolia's naming of exported content: {@code <workspace>.<dot.path>.yaml}, e.g.
 * {@code website.journees-usines-ouvertes.presse.yaml} for the node {@code /journees-usines-ouvertes/presse}
 * of workspace {@code website}, and {@code website.yaml} for a whole workspace.
 *
 * @param workspace the workspace, first segment of the name
 * @param segments  the node path inside the workspace, one segment per dot (empty for a whole workspace)
 */
public record ContentFileName(String workspace, List<String> segments) {

    private static final String EXTENSION = ".yaml";
    private static final String XML = ".xml";

    public ContentFileName {
        segments = List.copyOf(segments);
    }

    /** Whether the name is that of a JCR system-view XML export ({@code <workspace>.<path>.xml}). */
    public static boolean isXml(String fileName) {
        return fileName.endsWith(XML);
    }

    /** Reads a file name (without folders); refuses names that are not {@code <workspace>[.<path>].yaml} or {@code .xml}. */
    public static ContentFileName parse(String fileName) {
        String extension = isXml(fileName) ? XML : EXTENSION;
        if (!fileName.endsWith(extension) || fileName.length() == extension.length()) {
            throw new ContentImportException(fileName + ": not a content file named <workspace>.<path>.yaml or .xml");
        }
        String base = fileName.substring(0, fileName.length() - extension.length());
        List<String> parts = new ArrayList<>(Arrays.asList(base.split("\\.", -1)));
        if (parts.stream().anyMatch(String::isEmpty)) {
            throw new ContentImportException(fileName + ": empty segment in the file name (two dots in a row?)");
        }
        String workspace = parts.remove(0);
        return new ContentFileName(workspace, parts);
    }

    /** The name of the file holding the node at {@code path} of {@code workspace}. */
    public static ContentFileName of(String workspace, String path) {
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        return new ContentFileName(workspace, segments);
    }

    /** The node path the name designates, {@code /} for a whole workspace. */
    public String path() {
        return "/" + String.join("/", segments);
    }

    /** Depth of the path: Magnolia imports shallower files first, so parents exist before their children. */
    public int depth() {
        return segments.size();
    }

    /**
     * Where the file's top-level nodes go: under the parent of the named node when the file holds that one
     * node (its name may then contain dots), under the named node otherwise (e.g. {@code website.yaml}).
     */
    public String parentPathFor(List<String> topLevelNames) {
        String dotted = String.join(".", segments);
        if (topLevelNames.size() == 1) {
            String name = topLevelNames.get(0);
            if (dotted.equals(name)) {
                return "/";
            }
            if (dotted.endsWith("." + name)) {
                return "/" + dotted.substring(0, dotted.length() - name.length() - 1).replace('.', '/');
            }
        }
        return path();
    }

    @Override
    public String toString() {
        return workspace + (segments.isEmpty() ? "" : "." + String.join(".", segments)) + EXTENSION;
    }
}
