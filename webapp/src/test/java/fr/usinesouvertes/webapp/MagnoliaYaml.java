package fr.usinesouvertes.webapp;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads Magnolia light-module YAML, keeping Magnolia's local tags ({@code !content-type:}, {@code !include:}, ...) as {@link Tagged} values. */
final class MagnoliaYaml {

    /** A value carrying a Magnolia tag, e.g. tag {@code !include:/m/x.yaml} with an empty value. */
    record Tagged(String tag, Object value) {
    }

    private MagnoliaYaml() {
    }

    static Object load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Yaml(new TolerantConstructor()).load(reader);
        }
    }

    /** SafeConstructor that turns any tag it does not know into a {@link Tagged} instead of failing. */
    private static final class TolerantConstructor extends SafeConstructor {
        TolerantConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return new Tagged(node.getTag().getValue(), untagged(node));
                }
            });
        }

        private Object untagged(Node node) {
            if (node instanceof MappingNode mapping) {
                return constructMapping(mapping);
            }
            if (node instanceof SequenceNode sequence) {
                return constructSequence(sequence);
            }
            return constructScalar((ScalarNode) node);
        }
    }
}
