package fr.usinesouvertes.platform.uploads;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The RIFF container of a WebP file, checked without decoding its pixels (the JDK has no WebP decoder): the
 * RIFF size is the file's, the chunks fill it exactly, the image is a lossy ({@code VP8 }) or lossless
 * ({@code VP8L}) bitstream with a valid header (key frame, start code or signature, first partition inside the
 * chunk), or an extended file ({@code VP8X}) holding one of them or the frames of an animation.
 */
final class WebpContainer {

    private record Chunk(String fourCc, int offset, int size) {
    }

    private WebpContainer() {
    }

    static UploadedImages.Image read(byte[] data) {
        if (data.length < 20 || 8L + le32(data, 4) != data.length) {
            throw UploadedImages.damaged(); // truncated, or trailing bytes
        }
        List<Chunk> chunks = chunks(data, 12, data.length);
        Chunk first = chunks.get(0);
        int[] size = switch (first.fourCc()) {
            case "VP8 " -> lossy(data, first);
            case "VP8L" -> lossless(data, first);
            case "VP8X" -> extended(data, first, chunks);
            default -> throw UploadedImages.damaged();
        };
        UploadedImages.checkPixels(size[0], size[1]);
        return new UploadedImages.Image("image/webp", size[0], size[1]);
    }

    private static int[] extended(byte[] data, Chunk header, List<Chunk> chunks) {
        if (header.size() < 10) {
            throw UploadedImages.damaged();
        }
        int width = 1 + le24(data, header.offset() + 4);
        int height = 1 + le24(data, header.offset() + 7);
        boolean animated = (data[header.offset()] & 0x02) != 0;
        int images = 0;
        for (Chunk chunk : chunks.subList(1, chunks.size())) {
            switch (chunk.fourCc()) {
                case "VP8 ", "VP8L" -> {
                    bitstream(data, chunk);
                    images++;
                }
                case "ANMF" -> {
                    if (chunk.size() < 16) {
                        throw UploadedImages.damaged();
                    }
                    int frameImages = 0;
                    for (Chunk inner : chunks(data, chunk.offset() + 16, chunk.offset() + chunk.size())) {
                        if (inner.fourCc().equals("VP8 ") || inner.fourCc().equals("VP8L")) {
                            bitstream(data, inner);
                            frameImages++;
                        }
                    }
                    if (frameImages != 1) {
                        throw UploadedImages.damaged();
                    }
                    images++;
                }
                default -> {
                    // ICCP, ALPH, ANIM, EXIF, XMP and unknown chunks: metadata, skipped as the format says
                }
            }
        }
        if (images == 0 || (!animated && images != 1)) {
            throw UploadedImages.damaged();
        }
        return new int[] {width, height};
    }

    private static void bitstream(byte[] data, Chunk chunk) {
        if (chunk.fourCc().equals("VP8 ")) {
            lossy(data, chunk);
        } else {
            lossless(data, chunk);
        }
    }

    private static int[] lossy(byte[] data, Chunk chunk) {
        int at = chunk.offset();
        if (chunk.size() < 10) {
            throw UploadedImages.damaged();
        }
        int tag = (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8 | (data[at + 2] & 0xFF) << 16;
        boolean keyFrame = (tag & 1) == 0;
        int version = (tag >> 1) & 7;
        int firstPartition = tag >>> 5;
        if (!keyFrame || version > 3 || firstPartition > chunk.size() - 10
                || (data[at + 3] & 0xFF) != 0x9D || (data[at + 4] & 0xFF) != 0x01 || (data[at + 5] & 0xFF) != 0x2A) {
            throw UploadedImages.damaged();
        }
        return new int[] {le16(data, at + 6) & 0x3FFF, le16(data, at + 8) & 0x3FFF};
    }

    private static int[] lossless(byte[] data, Chunk chunk) {
        int at = chunk.offset();
        if (chunk.size() < 5 || (data[at] & 0xFF) != 0x2F || (data[at + 4] & 0xE0) != 0) { // signature, version 0
            throw UploadedImages.damaged();
        }
        int b1 = data[at + 1] & 0xFF;
        int b2 = data[at + 2] & 0xFF;
        int b3 = data[at + 3] & 0xFF;
        int b4 = data[at + 4] & 0xFF;
        return new int[] {1 + (b1 | (b2 & 0x3F) << 8), 1 + ((b2 >> 6) | b3 << 2 | (b4 & 0x0F) << 10)};
    }

    /** The chunks between {@code from} and {@code to}, which they must fill exactly (an odd size is padded). */
    private static List<Chunk> chunks(byte[] data, int from, int to) {
        List<Chunk> chunks = new ArrayList<>();
        int at = from;
        while (at < to) {
            if (to - at < 8) {
                throw UploadedImages.damaged();
            }
            long size = le32(data, at + 4);
            long end = at + 8L + size + (size & 1);
            if (end > to) {
                throw UploadedImages.damaged();
            }
            chunks.add(new Chunk(new String(data, at, 4, StandardCharsets.US_ASCII), at + 8, (int) size));
            at = (int) end;
        }
        if (chunks.isEmpty()) {
            throw UploadedImages.damaged();
        }
        return chunks;
    }

    private static int le16(byte[] data, int at) {
        return (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8;
    }

    private static int le24(byte[] data, int at) {
        return le16(data, at) | (data[at + 2] & 0xFF) << 16;
    }

    private static long le32(byte[] data, int at) {
        return (le24(data, at) | (long) (data[at + 3] & 0xFF) << 24);
    }
}
