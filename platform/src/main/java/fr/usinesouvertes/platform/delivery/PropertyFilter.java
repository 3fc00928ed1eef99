package fr.usinesouvertes.platform.delivery;

import java.util.List;

/**
 * One filter of a query, e.g. {@code price[in]=100~200} or {@code @name=a|b}.
 *
 * @param parameter the query parameter as written, named in error messages
 * @param property  a property name, or {@code @name} / {@code @jcr:uuid} for the node's own name and id
 * @param values    the {@code |}-separated alternatives
 */
record PropertyFilter(String parameter, String property, FilterOperator operator, List<String> values) {
}
