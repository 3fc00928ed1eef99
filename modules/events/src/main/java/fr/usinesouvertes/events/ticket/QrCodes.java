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
     * The text of the QR code in a photo (a phone's picture of a ticket, printed or on a screen), if one is found:
     * ZXing's reader, trying harder (a photo is rarely square to the code).
     */
    public static java.util.Optional<String> read(java.io.InputStream photo) throws IOException {
        BufferedImage image = ImageIO.read(photo);
        if (image == null) {
            throw new IOException("not an image");
        }
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        com.google.zxing.BinaryBitmap bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            return java.util.Optional.of(new com.google.zxing.qrcode.QRCodeReader().decode(bitmap,
                    Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText());
        } catch (com.google.zxing.NotFoundException | com.google.zxing.ChecksumException
                 | com.google.zxing.FormatException e) {
            return java.util.Optional.empty();
        }
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
