package fr.usinesouvertes.platform.http;

import fr.usinesouvertes.platform.annotation.PluginApi;
/** The error shape of every REST answer, as Magnolia's Delivery API gives it: {@code {"code","message"}}. */
@PluginApi
public record ErrorBody(String code, String message) {
}
