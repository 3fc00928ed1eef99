package fr.usinesouvertes.platform.delivery;

import java.util.List;

/**
 * A parsed "query nodes" request.
 *
 * @param ancestor the {@code @ancestor} path, relative to the endpoint's root path, or {@code null}
 * @param words    the words of {@code q}, lower-cased, all of which must appear
 */
record NodeQuery(int limit, int offset, List<OrderBy> orderBy, List<String> words, String ancestor,
                 List<PropertyFilter> filters) {
}
