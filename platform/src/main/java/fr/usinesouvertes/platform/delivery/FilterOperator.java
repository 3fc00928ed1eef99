package fr.usinesouvertes.platform.delivery;

import java.util.Arrays;
import java.util.Optional;

/** The operators of Magnolia's Delivery API filters, written {@code prop[op]=value}. */
enum FilterOperator {
    EQ("eq"), NE("ne"), GT("gt"), LT("lt"), GTE("gte"), LTE("lte"), IN("in"), NOT_IN("not-in"), LIKE("like"),
    NULL("null");

    private final String token;

    FilterOperator(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }

    /** Operators that hold when none of the values match, and never on a missing property. */
    boolean negated() {
        return this == NE || this == NOT_IN;
    }

    static Optional<FilterOperator> of(String token) {
        return Arrays.stream(values()).filter(o -> o.token.equals(token)).findFirst();
    }
}
