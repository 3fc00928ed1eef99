/**
 * Magnolia's Delivery API (JCR "v2" endpoints) and the SPA editor's template annotations, served from
 * the endpoints of the current definitions.
 *
 * <p>Every endpoint option and its status here (supported, different, reported as a definition problem) is in
 * {@code docs/magnolia-compatibility.md}. Choices where Magnolia's behaviour is unverified or where we differ
 * on purpose:
 * <ul>
 *   <li>{@code {path}@nodes} answers a plain JSON array of child nodes (as Magnolia 6.2).</li>
 *   <li>Queries answer {@code {"results": [...], "total": N}}; {@code total} counts before paging.</li>
 *   <li>Values are strings, as Magnolia sends them ({@code "hideInNav": "false"}); an endpoint's
 *       {@code typedValues: true} (the platform's own option) gives numbers and booleans their JSON type. Dates
 *       are ISO-8601 with milliseconds and offset.</li>
 *   <li>{@code @id} is the content uuid at every level: a published node answers its draft's uuid.</li>
 *   <li>{@code q} is a case-insensitive substring search of every word, over string properties of the
 *       node and of its descendants that are not results themselves (Oak has no full-text index here).</li>
 *   <li>{@code ne} and {@code not-in} with {@code |} alternatives match when none of them matches; a
 *       comparison with a missing property is false except for {@code null}.</li>
 *   <li>{@code yyyy-MM-dd} in a date filter is that whole day in the platform's time zone.</li>
 *   <li>Without {@code lang}, {@code Accept-Language} localizes only when it names a supported language
 *       (French, English); otherwise properties come raw, with their {@code _xx} variants.</li>
 *   <li>{@code @ancestor} is relative to the endpoint's root path, like the read path.</li>
 * </ul>
 */
package fr.usinesouvertes.platform.delivery;
