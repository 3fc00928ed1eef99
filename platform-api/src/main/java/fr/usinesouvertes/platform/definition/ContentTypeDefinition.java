package fr.usinesouvertes.platform.definition;

import java.util.List;
import java.util.Map;

/**
 * A content type: where its items are stored and what properties they have.
 *
 * @param name       the content type's name (the id's path part)
 * @param workspace  the workspace (top-level subtree) its items live in
 * @param nodeType   the node type of an item; {@code mgnl:contentNode} when not given
 * @param subModels  named groups of properties, usable as a property type
 */
public record ContentTypeDefinition(String id, String name, String workspace, String rootPath, String nodeType,
                                    boolean autoCreate, Map<String, String> namespaces,
                                    List<Property> properties, List<SubModel> subModels,
                                    Map<String, Object> raw) {

    /**
     * A property of a content type.
     *
     * @param type String (default), Boolean, Decimal, Double, Long, Date, asset, richText,
     *             {@code reference:<content type>}, another content type, or a sub-model name
     */
    public record Property(String name, String type, boolean required, boolean i18n, boolean multiple,
                           Map<String, Object> raw) {
    }

    /** A named group of properties, stored as a child node. */
    public record SubModel(String name, List<Property> properties) {
    }
}
