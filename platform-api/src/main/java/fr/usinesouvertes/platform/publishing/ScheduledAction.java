package fr.usinesouvertes.platform.publishing;

import java.time.Instant;

/**
 * A publication or unpublication waiting for its time; run once, by the one cluster node that holds the
 * scheduling job's lease.
 *
 * @param id           identifies the entry for {@link Publishing#cancelSchedule(String, String)}
 * @param path         the node's path inside {@code workspace}
 * @param withSubPages for {@link Publishing.Action#PUBLISH}: also publish the sub-pages
 * @param by           the login that scheduled it, recorded as the publisher
 */
public record ScheduledAction(String id, String workspace, String path, Publishing.Action action, Instant at,
                              boolean withSubPages, String by) {
}
