package gatewatch.detector.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The layout that model and site-baseline files share, and its checks:
 *
 * <pre>
 *   8 bytes   magic (the kind of file)
 *   int       format version
 *   UTF x n   the header fields of the kind
 *   long      payload length in bytes
 *   32 bytes  SHA-256 of the payload
 *   32 bytes  SHA-256 of every byte before this digest
 *   payload   (a gzip stream of one serialized object; {@link FilteredObjects})
 * </pre>
 *
 * <p>Every byte is covered by a digest, and both are checked before a field is trusted or a byte
 * of the payload is interpreted: a damaged copy is refused with the byte, or the range of bytes,
 * that holds the damage, rather than loading with other trees and other verdicts. The whole file
 * is read into memory first (models are tens of kilobytes to a few megabytes; more than
 * {@value #MAX_BYTES} bytes is refused).
 *
 * <p>The digests find damage (a bad disk, a cut-off copy, a flipped bit), not tampering: whoever
 * can write the file can write digests that match. Against a crafted payload the guard is the
 * class filter of {@link FilteredObjects}.
 */
final class DigestedFile {
    static final long MAX_BYTES = 256L << 20;
    private static final int DIGEST_BYTES = 32;
    private static final int MAGIC_BYTES = 8;
    private static final int FORMAT_AT = MAGIC_BYTES;
    private static final int FIELDS_AT = FORMAT_AT + Integer.BYTES;

    /** The kinds of file, their magic, their current format and their header fields. */
    enum Kind {
        MODEL("model", "GWMODEL\n", 2, 1, null, "retrain it with 'gatewatch train'",
                List.of("schema hash", "training command", "creation instant", "gatewatch version", "model version")),
        SITE_BASELINE("site baseline", "GWSITE2\n", 2, 2, "GWSITE1\n", "learn it again with 'gatewatch learn'",
                List.of("learn command", "creation instant", "gatewatch version"));

        final String noun;
        final byte[] magic;
        final int format;
        /** Formats below {@link #format} with the same magic that earlier builds wrote (without digests). */
        final int firstFormat;
        /** The magic of format 1 when it differs, or null. */
        final byte[] olderMagic;
        final String remedy;
        final List<String> fields;

        Kind(String noun, String magic, int format, int firstFormat, String olderMagic, String remedy, List<String> fields) {
            this.noun = noun;
            this.magic = magic.getBytes(StandardCharsets.US_ASCII);
            this.format = format;
            this.firstFormat = firstFormat;
            this.olderMagic = olderMagic == null ? null : olderMagic.getBytes(StandardCharsets.US_ASCII);
            this.remedy = remedy;
            this.fields = fields;
        }
    }

    /** A file that passed every check: its header fields and where its payload lies in {@link #bytes}. */
    record Contents(List<String> fields, byte[] bytes, int payloadStart, int payloadEnd) {
        InputStream payload() {
            return new ByteArrayInputStream(bytes, payloadStart, payloadEnd - payloadStart);
        }
    }

    private DigestedFile() {
    }

    static void write(OutputStream out, Kind kind, List<String> fields, byte[] payload) throws IOException {
        if (fields.size() != kind.fields.size()) {
            throw new IllegalArgumentException(kind.noun + " header needs " + kind.fields + ", got " + fields.size() + " fields");
        }
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(header);
        d.write(kind.magic);
        d.writeInt(kind.format);
        for (String f : fields) {
            d.writeUTF(f);
        }
        d.writeLong(payload.length);
        d.write(sha256(payload, 0, payload.length));
        d.flush();
        byte[] h = header.toByteArray();
        out.write(h);
        out.write(sha256(h, 0, h.length));
        out.write(payload);
        out.flush();
    }

    /** Reads and checks a file; {@code name} is what messages call it ("model /x.gwm"). */
    static Contents read(Path file, String name, Kind kind) throws ModelFileException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw ModelFileException.refused(name, size + " bytes, more than any " + kind.noun + " (at most " + MAX_BYTES + ")");
            }
            bytes = Files.readAllBytes(file);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw ModelFileException.unreadable(name, e);
        }
        return check(bytes, name, kind);
    }

    /** Checks a file already in memory (the bundled model). */
    static Contents check(byte[] b, String name, Kind kind) throws ModelFileException {
        if (b.length == 0) {
            throw ModelFileException.refused(name, "empty file, not a gatewatch " + kind.noun + " file");
        }
        checkMagic(b, name, kind);
        if (b.length < FIELDS_AT) {
            throw ModelFileException.damagedAt(name, b.length, "truncated: the file ends at byte " + b.length + ", inside the format version");
        }
        int format = ByteBuffer.wrap(b, FORMAT_AT, Integer.BYTES).getInt();
        if (format != kind.format) {
            throw format >= kind.firstFormat && format < kind.format ? older(name, kind, format)
                    : ModelFileException.refused(name, "format " + format + " at byte " + FORMAT_AT + " is none this gatewatch reads ("
                    + kind.format + "): the file is damaged or from a newer gatewatch");
        }
        // Until the header digest is checked, a damaged field length is known only to lie between
        // the first field and where the parse fails: every later field was read from the wrong place.
        List<String> fields = new ArrayList<>();
        int at = FIELDS_AT;
        for (String field : kind.fields) {
            int end = at + 2 + (at + 2 <= b.length ? ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff) : 0);
            if (end > b.length) {
                throw ModelFileException.damagedIn(name, FIELDS_AT, b.length - 1, "header field '" + field
                        + "' runs past the end of the file at byte " + b.length + " (truncated, or a field length is damaged)", null);
            }
            try {
                fields.add(new DataInputStream(new ByteArrayInputStream(b, at, end - at)).readUTF());
            } catch (UTFDataFormatException e) {
                throw ModelFileException.damagedIn(name, FIELDS_AT, end - 1, "header field '" + field + "' is not valid UTF-8", e);
            } catch (IOException e) {
                throw new IllegalStateException(e); // a byte array that holds every byte asked for
            }
            at = end;
        }
        int digestsAt = at + Long.BYTES;
        int payloadStart = digestsAt + 2 * DIGEST_BYTES;
        if (payloadStart > b.length) {
            throw ModelFileException.damagedIn(name, FIELDS_AT, b.length - 1, "the header digests run past the end of the file at byte "
                    + b.length + " (truncated, or a field length is damaged)", null);
        }
        byte[] headerDigest = sha256(b, 0, digestsAt + DIGEST_BYTES);
        if (!Arrays.equals(headerDigest, 0, DIGEST_BYTES, b, digestsAt + DIGEST_BYTES, payloadStart)) {
            throw ModelFileException.damagedIn(name, 0, payloadStart - 1, "header digest mismatch", null);
        }
        long length = ByteBuffer.wrap(b, at, Long.BYTES).getLong();
        long payloadEnd = payloadStart + Math.clamp(length, 0, Integer.MAX_VALUE);
        if (length < 0 || payloadEnd > b.length) {
            throw ModelFileException.damagedAt(name, b.length, "truncated: the file ends at byte " + b.length
                    + ", its header says the payload is " + length + " bytes from byte " + payloadStart);
        }
        if (payloadEnd < b.length) {
            throw ModelFileException.damagedAt(name, payloadEnd, (b.length - payloadEnd) + " bytes after the end of the payload");
        }
        byte[] payloadDigest = sha256(b, payloadStart, (int) length);
        if (!Arrays.equals(payloadDigest, 0, DIGEST_BYTES, b, digestsAt, digestsAt + DIGEST_BYTES)) {
            throw ModelFileException.damagedIn(name, payloadStart, payloadEnd - 1, "payload digest mismatch", null);
        }
        return new Contents(List.copyOf(fields), b, payloadStart, (int) payloadEnd);
    }

    private static void checkMagic(byte[] b, String name, Kind kind) throws ModelFileException {
        byte[] magic = Arrays.copyOf(b, Math.min(b.length, MAGIC_BYTES));
        if (kind.olderMagic != null && Arrays.equals(magic, kind.olderMagic)) {
            throw older(name, kind, 1);
        }
        for (Kind other : Kind.values()) {
            if (other != kind && (Arrays.equals(magic, other.magic) || Arrays.equals(magic, other.olderMagic))) {
                throw ModelFileException.refused(name, "not a gatewatch " + kind.noun + " file: it is a " + other.noun + " file");
            }
        }
        int first = Arrays.mismatch(magic, kind.magic);
        if (first < 0) {
            return;
        }
        if (first == magic.length && magic.length < MAGIC_BYTES) {
            throw ModelFileException.damagedAt(name, b.length, "truncated: the file ends at byte " + b.length + ", inside the magic");
        }
        if (magic.length == MAGIC_BYTES && Arrays.mismatch(magic, first + 1, MAGIC_BYTES, kind.magic, first + 1, MAGIC_BYTES) < 0) {
            // One byte off the magic: a damaged file of this kind rather than another file.
            throw ModelFileException.damagedAt(name, first, "bad magic");
        }
        throw ModelFileException.refused(name, "not a gatewatch " + kind.noun + " file (bad magic)");
    }

    private static ModelFileException older(String name, Kind kind, int format) {
        return ModelFileException.refused(name, "format " + format + ", written by an older gatewatch"
                + " without digests; this gatewatch reads format " + kind.format + ": " + kind.remedy);
    }

    static byte[] sha256(byte[] b, int from, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(b, from, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
