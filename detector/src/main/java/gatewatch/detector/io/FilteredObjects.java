package gatewatch.detector.io;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Writes, and reads back, the one gzip-compressed, Java-serialized object of a file's payload:
 * reading goes through an {@link ObjectInputFilter} that admits exactly the given classes within
 * size limits, so a crafted file (one whose digests match) cannot make the reader instantiate
 * anything else. Shared by the model and site-baseline files; every failure is a
 * {@link ModelFileException} naming the file.
 */
final class FilteredObjects {
    private static final long MAX_BYTES = 256L << 20;
    private static final long MAX_ARRAY = 32L << 20;
    private static final long MAX_DEPTH = 8;
    private static final long MAX_REFS = 10_000;

    private FilteredObjects() {
    }

    /** A new file for writing, its parent folders created. */
    static OutputStream create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new BufferedOutputStream(Files.newOutputStream(file));
    }

    /** {@code object} Java-serialized and gzip-compressed: the payload of a {@link DigestedFile}. */
    static byte[] gzip(Serializable object) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16);
        ObjectOutputStream o = new ObjectOutputStream(gz);
        o.writeObject(object);
        o.flush();
        gz.finish();
        return bytes.toByteArray();
    }

    /**
     * Reads the one object of a checked file's payload, then the gzip stream to its end, so that
     * its trailer (CRC-32 and length of the uncompressed bytes) is checked too: an object stream
     * stops reading as soon as it has its object and would never get there.
     *
     * @param what what the object is, for messages ("model", "site baseline")
     */
    static <T> T read(DigestedFile.Contents file, String name, Set<Class<?>> allowed, Class<T> type, String what)
            throws ModelFileException {
        AtomicReference<String> refused = new AtomicReference<>();
        ObjectInputFilter filter = info -> {
            Class<?> c = info.serialClass();
            if (c != null && !allowed.contains(c)) {
                refused.compareAndSet(null, c.getName());
                return ObjectInputFilter.Status.REJECTED;
            }
            if (info.depth() > MAX_DEPTH || info.references() > MAX_REFS || info.streamBytes() > MAX_BYTES
                    || info.arrayLength() > MAX_ARRAY) {
                refused.compareAndSet(null, "limits (depth " + info.depth() + ", references " + info.references()
                        + ", bytes " + info.streamBytes() + ", array length " + info.arrayLength() + ")");
                return ObjectInputFilter.Status.REJECTED;
            }
            return c != null ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.UNDECIDED;
        };
        long from = file.payloadStart();
        long to = file.payloadEnd() - 1L;
        try (GZIPInputStream gz = new GZIPInputStream(file.payload(), 1 << 16);
                ObjectInputStream o = new ObjectInputStream(gz)) {
            o.setObjectInputFilter(filter);
            Object object = o.readObject();
            if (!type.isInstance(object)) {
                throw ModelFileException.damagedIn(name, from, to, "the payload is not a " + what, null);
            }
            long extra = gz.transferTo(OutputStream.nullOutputStream());
            if (extra > 0) {
                throw ModelFileException.damagedIn(name, from, to, extra + " bytes after the " + what + " in the payload", null);
            }
            return type.cast(object);
        } catch (InvalidClassException e) {
            String cls = refused.get();
            throw ModelFileException.refused(name, "refused: the payload holds "
                    + (cls != null && cls.startsWith("limits") ? "more than a " + what + " may: " + cls
                    : "class " + (cls != null ? cls : e.classname) + ", which is not part of a " + what));
        } catch (ClassNotFoundException e) {
            throw ModelFileException.refused(name, "refused: the payload holds an unknown class " + e.getMessage());
        } catch (ZipException e) {
            throw ModelFileException.damagedIn(name, from, to, "gzip: " + e.getMessage(), e);
        } catch (EOFException e) {
            throw ModelFileException.damagedIn(name, from, to, "the payload ends early", e);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // The tables' own checks (InvalidObjectException, IllegalArgumentException), a stream
            // that is not one (StreamCorruptedException), and whatever else a bad stream provokes.
            Throwable why = e.getCause() != null ? e.getCause() : e;
            throw ModelFileException.damagedIn(name, from, to, "damaged " + what + " tables: "
                    + (why.getMessage() != null ? why.getMessage() : why.getClass().getSimpleName()), e);
        }
    }
}
