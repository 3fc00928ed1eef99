package fr.usinesouvertes.events.ticket;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR codes as PNG images (ZXing): black on white, error correction M (a crumpled print still reads), a quiet zone of
 * four modules as ISO/IEC 18004 asks, each module a whole number of pixels so that it prints sharp.
 */
public final class QrCodes {

    private static final int BLACK = 0xFF000000;
    private static final int WHITE = 0xFFFFFFFF;

    private QrCodes() {
    }

    /**
     * @param content what the code encodes (here an address, ASCII)
     * @param minSize the least width and height in pixels; the image is the smallest multiple of the module count above it
     */
    public static byte[] png(String content, int minSize) {
        BitMatrix modules;
        try {
            modules = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code of " + content.length() + " characters", e);
        }
        int count = modules.getWidth(); // width 0 asked: one pixel per module, quiet zone included
        int scale = Math.max(1, (minSize + count - 1) / count);
        BufferedImage image = new BufferedImage(count * scale, count * scale, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < count * scale; y++) {
            for (int x = 0; x < count * scale; x++) {
                image.setRGB(x, y, modules.get(x / scale, y / scale) ? BLACK : WHITE);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
