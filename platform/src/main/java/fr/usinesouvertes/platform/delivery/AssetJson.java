package fr.usinesouvertes.platform.delivery;

import com.fasterxml.jackson.core.JsonGenerator;
import fr.usinesouvertes.platform.publishing.ContentStage;
import fr.usinesouvertes.platform.repository.Workspaces;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.Property;
import javax.jcr.RepositoryException;

/**
 * Writes a DAM asset as Magnolia's asset reference resolver does: {@code @name}, {@code @path},
 * {@code @id} (the DAM's asset id, {@code jcr:<uuid>}), {@code @link}, {@code metadata} ({@code fileName},
 * {@code mimeType}, {@code extension}, {@code fileSize}, {@code width}, {@code height} as numbers, then the
 * asset's descriptive properties) and {@code renditions}.
 *
 * <p>The asset node layout (Magnolia's, which the assets app writes): in workspace
 * {@code dam}, a node of type {@code mgnl:asset} holding the descriptive properties ({@code title},
 * {@code alternative} (the alternative text of an image), {@code caption}, {@code description},
 * {@code copyright} (the credit), {@code subject}, {@code language}, ...; title, alternative and caption
 * localized as the answer's other properties: {@code title_en} in English, else {@code title}) and one
 * child {@code jcr:content} of type {@code mgnl:resource} holding the file: {@code jcr:data} (binary),
 * {@code fileName}, {@code extension}, {@code jcr:mimeType}, {@code size}, {@code width} and
 * {@code height} (longs, images only).
 *
 * <p>Links: the file is at {@code /dam/jcr:<uuid>/<fileName>}; a rendition at
 * {@code /.imaging/<rendition>/jcr:<uuid>/<fileName>}, to be served by the imaging servlet.
 */
final class AssetJson {

    static final String RESOURCE = "jcr:content";

    private AssetJson() {
    }

    /** {@code properties}: the answer's writer, which gives an asset's properties in the answer's language. */
    static void write(JsonGenerator json, Node asset, Workspaces workspaces, List<String> renditions,
                      NodeJsonWriter properties) throws RepositoryException, IOException {
        Node resource = asset.hasNode(RESOURCE) ? asset.getNode(RESOURCE) : null;
        String fileName = resource != null && resource.hasProperty("fileName")
                ? resource.getProperty("fileName").getString() : asset.getName();
        String mimeType = resource != null && resource.hasProperty("jcr:mimeType")
                ? resource.getProperty("jcr:mimeType").getString() : null;
        String file = "jcr:" + ContentStage.identifier(asset) + "/" + URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                .replace("+", "%20");
        json.writeStartObject();
        json.writeStringField("@name", asset.getName());
        json.writeStringField("@path", workspaces.toWorkspacePath(asset.getPath()));
        json.writeStringField("@id", "jcr:" + ContentStage.identifier(asset)); // the DAM's asset id, as Magnolia
        json.writeStringField("@link", "/dam/" + file);
        json.writeObjectFieldStart("metadata");
        json.writeStringField("fileName", fileName);
        if (mimeType != null) {
            json.writeStringField("mimeType", mimeType);
        }
        if (resource != null) {
            if (resource.hasProperty("extension")) {
                json.writeStringField("extension", resource.getProperty("extension").getString());
            }
            // numbers, as Magnolia's asset metadata (not stored properties): fileSize, width, height
            for (String[] names : new String[][] {{"size", "fileSize"}, {"width", "width"}, {"height", "height"}}) {
                if (resource.hasProperty(names[0])) {
                    json.writeFieldName(names[1]);
                    PropertyJson.write(json, resource.getProperty(names[0]), true);
                }
            }
        }
        for (java.util.Map.Entry<String, Property> entry : properties.properties(asset).entrySet()) {
            Property property = entry.getValue();
            String name = entry.getKey();
            if (!PropertyJson.isSystem(name) && !PropertyJson.isBinary(property) && !name.equals("fileName")) {
                json.writeFieldName(name);
                PropertyJson.write(json, property, properties.typedValues());
            }
        }
        json.writeEndObject();
        json.writeObjectFieldStart("renditions");
        for (String rendition : renditions != null ? renditions : List.<String>of()) {
            json.writeObjectFieldStart(rendition);
            json.writeStringField("link", "/.imaging/" + rendition + "/" + file);
            if (mimeType != null) {
                json.writeStringField("mimeType", mimeType);
            }
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
    }
}
