package fr.usinesouvertes.events.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads a request body up to a cap, so an oversized one is refused (HTTP 413) without being held in memory. */
final class BoundedBody {

    /** Registrations are a few hundred bytes; 16 KB leaves ample room for long names in any script. */
    static final int MAX_BYTES = 16 * 1024;

    private BoundedBody() {
    }

    /** The body, or empty when it is longer than {@link #MAX_BYTES}. */
    static Optional<byte[]> read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int total = 0;
        for (int n; in != null && (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > MAX_BYTES) {
                return Optional.empty();
            }
            out.write(buffer, 0, n);
        }
        return Optional.of(out.toByteArray());
    }
}
