package fr.usinesouvertes.platform.http;

/** The error shape of every REST answer, as Magnolia's Delivery API gives it: {@code {"code","message"}}. */
public record ErrorBody(String code, String message) {
}
