package fr.usinesouvertes.events.mail;

import java.util.Objects;

/**
 * A registration's ticket as an e-mail shows it: the address of its page ({@code /billet/<token>}) and the QR code
 * encoding that address, a PNG sent as an inline part ({@value #CONTENT_ID}) of the message. The token is an opaque
 * signed identifier: neither the address nor the image holds personal data.
 */
public record TicketImage(String url, byte[] png) {

    /** The Content-ID the HTML part shows the image by ({@code cid:ticket-qr}). */
    public static final String CONTENT_ID = "ticket-qr";

    public TicketImage {
        Objects.requireNonNull(url, "url");
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }
}
