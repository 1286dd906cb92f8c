package gatewatch.detector.io;

import gatewatch.detector.encode.FeatureEncoder;
import gatewatch.detector.model.BoostScorer;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.model.ForestScorer;
import gatewatch.detector.model.IsolationScorer;
import gatewatch.detector.model.ModelPayload;
import gatewatch.detector.model.TreeArrays;
import gatewatch.features.kdd.KddSchema;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Reads and writes model files.
 *
 * <pre>
 *   8 bytes   magic "GWMODEL\n"
 *   int       format version ({@value #FORMAT_VERSION})
 *   UTF x 5   schema hash, training command, creation instant, gatewatch version, model version
 *   rest      gzip of one Java-serialized {@link ModelPayload}
 * </pre>
 *
 * <p>The header is checked before the payload is touched: another magic, format version or
 * feature-schema hash is refused with a message saying which. The payload is read through an
 * {@link ObjectInputFilter} that admits exactly the classes a model is made of ({@link #ALLOWED}:
 * our records and arrays of primitives and strings) within size limits, so a crafted file cannot
 * make the reader instantiate anything else; the records' constructors then check the tables
 * (child indices after their parent, offsets in range), so a walk can neither loop nor run off.
 */
public final class ModelFile {
    public static final int FORMAT_VERSION = 1;
    /** The bundled default model on the classpath. */
    public static final String DEFAULT_RESOURCE = "/gatewatch/detector/default-model.gwm";

    private static final byte[] MAGIC = "GWMODEL\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The classes a model payload holds; nothing else is deserialized. */
    static final Set<Class<?>> ALLOWED = Set.of(
            ModelPayload.class, FeatureEncoder.class, ForestScorer.class, BoostScorer.class, IsolationScorer.class,
            TreeArrays.class, double[].class, double[][].class, int[].class, String[].class, String.class);

    private ModelFile() {
    }

    /** Writes a model file (parent folders are created). */
    public static void write(Path file, ModelHeader header, ModelPayload payload) throws IOException {
        try (OutputStream out = FilteredObjects.create(file)) {
            write(out, header, payload);
        }
    }

    static void write(OutputStream out, ModelHeader header, ModelPayload payload) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.write(MAGIC);
        d.writeInt(header.formatVersion());
        d.writeUTF(header.schemaHash());
        d.writeUTF(header.trainingCommand());
        d.writeUTF(header.createdAt());
        d.writeUTF(header.gatewatchVersion());
        d.writeUTF(header.modelVersion());
        d.flush();
        FilteredObjects.write(out, payload);
    }

    /** The payload's serialized bytes (without header or gzip), for a digest that names the model. */
    public static byte[] payloadBytes(ModelPayload payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(payload);
        }
        return bytes.toByteArray();
    }

    /** Reads a model file from an operator-given path. */
    public static Ensemble read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, file.toString());
        }
    }

    /** Reads the bundled default model. */
    public static Ensemble readDefault() throws IOException {
        try (InputStream in = ModelFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new ModelFileException("the bundled model " + DEFAULT_RESOURCE + " is not on the classpath");
            }
            return read(new BufferedInputStream(in, 1 << 16), "bundled model");
        }
    }

    /** Reads only the header (for {@code --version} and the CI model check). */
    public static ModelHeader readHeader(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return header(new DataInputStream(in), file.toString());
        }
    }

    static Ensemble read(InputStream in, String name) throws IOException {
        DataInputStream d = new DataInputStream(in);
        ModelHeader header = header(d, name);
        ModelPayload payload = payload(in, name);
        return Ensemble.of(header, payload);
    }

    private static ModelHeader header(DataInputStream d, String name) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        try {
            d.readFully(magic);
        } catch (EOFException e) {
            throw new ModelFileException(name + ": not a gatewatch model file (too short)");
        }
        if (!Arrays.equals(magic, MAGIC)) {
            throw new ModelFileException(name + ": not a gatewatch model file (bad magic)");
        }
        int format = d.readInt();
        if (format != FORMAT_VERSION) {
            throw new ModelFileException(name + ": model file format " + format + ", this gatewatch reads format "
                    + FORMAT_VERSION + "; retrain it with 'gatewatch train'");
        }
        ModelHeader h = new ModelHeader(format, d.readUTF(), d.readUTF(), d.readUTF(), d.readUTF(), d.readUTF());
        String schema = KddSchema.hash();
        if (!h.schemaHash().equals(schema)) {
            throw new ModelFileException(name + ": model was trained for feature schema " + shortHash(h.schemaHash())
                    + ", this gatewatch has schema " + shortHash(schema) + "; retrain it with 'gatewatch train'");
        }
        return h;
    }

    private static ModelPayload payload(InputStream in, String name) throws IOException {
        return FilteredObjects.read(in, name, ALLOWED, ModelPayload.class, "model");
    }

    private static String shortHash(String h) {
        return h.length() > 12 ? h.substring(0, 12) : h;
    }
}
