package fr.usinesouvertes.events.registration;

/**
 * Why one field of a submitted form is refused, in the visitor's language; the JSON API returns a list
 * of these as {@code {"errors": [{"field", "message"}]}}.
 */
public record FieldError(String field, String message) {
}
