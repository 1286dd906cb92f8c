package gatewatch.detector.io;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
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
 * Writes, and reads back, the one gzip-compressed, Java-serialized object of a file: reading goes through an
 * {@link ObjectInputFilter} that admits exactly the given classes within size limits: a crafted
 * file cannot make the reader instantiate anything else. Shared by the model and site-baseline
 * files; every failure is a {@link ModelFileException} naming the file.
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

    /** Writes {@code object} gzip-compressed, Java-serialized, after whatever header {@code out} holds. */
    static void write(OutputStream out, Serializable object) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
        ObjectOutputStream o = new ObjectOutputStream(gz);
        o.writeObject(object);
        o.flush();
        gz.finish();
        out.flush();
    }

    /**
     * @param what what the object is, for messages ("model", "site baseline")
     */
    static <T> T read(InputStream gzipped, String name, Set<Class<?>> allowed, Class<T> type, String what)
            throws IOException {
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
        try (ObjectInputStream o = new ObjectInputStream(new GZIPInputStream(gzipped, 1 << 16))) {
            o.setObjectInputFilter(filter);
            Object object = o.readObject();
            if (!type.isInstance(object)) {
                throw new ModelFileException(name + ": payload is not a " + what);
            }
            return type.cast(object);
        } catch (InvalidClassException e) {
            String cls = refused.get();
            throw new ModelFileException(name + ": refused: the payload holds "
                    + (cls != null && cls.startsWith("limits") ? "more than a " + what + " may: " + cls
                    : "class " + (cls != null ? cls : e.classname) + ", which is not part of a " + what), e);
        } catch (ClassNotFoundException e) {
            throw new ModelFileException(name + ": refused: unknown class " + e.getMessage(), e);
        } catch (InvalidObjectException | IllegalArgumentException e) {
            Throwable why = e.getCause() != null ? e.getCause() : e;
            throw new ModelFileException(name + ": damaged " + what + " tables: " + why.getMessage(), e);
        } catch (EOFException | ZipException e) {
            throw new ModelFileException(name + ": truncated or damaged payload (" + e.getMessage() + ")", e);
        }
    }
}
