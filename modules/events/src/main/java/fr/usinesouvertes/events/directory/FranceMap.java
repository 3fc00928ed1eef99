package fr.usinesouvertes.events.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The outlines of the 13 metropolitan regions as SVG paths, read once from {@code france-regions.tsv}
 * (generated offline by {@code src/build/generate_region_map.py} from the communes file: schematic shapes,
 * no tile server, nothing fetched at run time), and the overseas regions, shown as a list.
 */
public final class FranceMap {

    /** One region's outline: its name as sites store it and the SVG path data. */
    public record RegionShape(String name, String path) {
    }

    /** The overseas regions, listed under the map rather than drawn. */
    public static final List<String> OVERSEAS = List.of("Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte");

    private static final String RESOURCE = "france-regions.tsv";

    private final String viewBox;
    private final List<RegionShape> regions;

    private FranceMap(String viewBox, List<RegionShape> regions) {
        this.viewBox = viewBox;
        this.regions = List.copyOf(regions);
    }

    /** The map bundled with the module. */
    public static FranceMap bundled() {
        try (InputStream in = FranceMap.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    static FranceMap read(BufferedReader reader) throws IOException {
        String viewBox = null;
        List<RegionShape> regions = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String[] parts = line.split("\t", 2);
            if (parts.length != 2) {
                continue;
            }
            if (parts[0].equals("#viewBox")) {
                viewBox = parts[1];
            } else {
                regions.add(new RegionShape(parts[0], parts[1]));
            }
        }
        if (viewBox == null || regions.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no viewBox or no region");
        }
        return new FranceMap(viewBox, regions);
    }

    public String viewBox() {
        return viewBox;
    }

    public List<RegionShape> regions() {
        return regions;
    }
}
