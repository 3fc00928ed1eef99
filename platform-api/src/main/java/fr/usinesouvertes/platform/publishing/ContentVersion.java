package fr.usinesouvertes.platform.publishing;

import java.time.Instant;

/**
 * One stored version of a node: the copy of what was published at {@code at}, numbered from 1 per node.
 *
 * @param path the node's path inside its workspace when it was published
 */
public record ContentVersion(int number, String workspace, String path, String by, Instant at, String comment) {
}
