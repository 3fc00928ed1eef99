package fr.usinesouvertes.platform.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * IP literals and CIDR ranges as settings and headers write them, read without ever asking DNS
 * ({@link InetAddress#getByName} looks up anything that is not a literal).
 */
public final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private IpAddresses() {
    }

    /**
     * {@code range} trimmed when it is an IP address or CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}),
     * else an {@link IllegalArgumentException} saying so.
     */
    public static String checkRange(String range) {
        String value = range == null ? "" : range.trim();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        String bits = slash < 0 ? null : value.substring(slash + 1);
        InetAddress parsed = literal(address);
        if (parsed == null) {
            throw new IllegalArgumentException("'" + value + "' is not an IP address or CIDR range (e.g. 10.0.0.0/8)");
        }
        int maxBits = parsed.getAddress().length * 8;
        if (bits != null && !(bits.matches("\\d{1,3}") && Integer.parseInt(bits) <= maxBits)) {
            throw new IllegalArgumentException("'" + value + "' has a prefix length outside 0-" + maxBits);
        }
        return value;
    }

    /** The address an IP literal (IPv6 possibly in brackets) names, or null for anything else. */
    public static InetAddress literal(String text) {
        String value = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (IPV4.matcher(value).matches()) {
            for (String octet : value.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        } else if (!IPV6.matcher(value).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(value); // a literal: no look-up
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
