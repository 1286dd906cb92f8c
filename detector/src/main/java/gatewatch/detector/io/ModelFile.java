package gatewatch.detector.io;

import gatewatch.detector.encode.DetectorRow;
import gatewatch.detector.encode.FeatureEncoder;
import gatewatch.detector.model.BoostScorer;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.model.ForestScorer;
import gatewatch.detector.model.IsolationScorer;
import gatewatch.detector.model.ModelPayload;
import gatewatch.detector.model.TreeArrays;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes model files: a {@link DigestedFile} of kind {@code MODEL}.
 *
 * <pre>
 *   8 bytes   magic "GWMODEL\n"
 *   int       format version ({@value #FORMAT_VERSION}; format 1 had no digests)
 *   UTF x 5   schema hash, training command, creation instant, gatewatch version, model version
 *   long      payload length
 *   32 bytes  SHA-256 of the payload
 *   32 bytes  SHA-256 of the header (every byte before this digest)
 *   payload   gzip of one Java-serialized {@link ModelPayload}
 * </pre>
 *
 * <p>The file is checked before the payload is touched: a damaged byte anywhere is refused with
 * its offset (or the range a digest covers); another kind of file, another format version or
 * another feature-schema hash is refused with a message saying which. The payload is then read
 * through an {@link ObjectInputFilter} that admits exactly the classes a model is made of
 * ({@link #ALLOWED}: our records and arrays of primitives and strings) within size limits, so a
 * crafted file cannot make the reader instantiate anything else; the records' constructors then
 * check the tables (child indices after their parent, offsets in range), so a walk can neither
 * loop nor run off; and the gzip trailer (CRC-32, length) is checked at the end of the stream.
 * Every refusal is a {@link ModelFileException}: {@code model FILE: [damaged at byte N: ]REASON}.
 */
public final class ModelFile {
    public static final int FORMAT_VERSION = 2;
    /** The bundled default model on the classpath. */
    public static final String DEFAULT_RESOURCE = "/gatewatch/detector/default-model.gwm";

    /** The classes a model payload holds; nothing else is deserialized. */
    static final Set<Class<?>> ALLOWED = Set.of(
            ModelPayload.class, FeatureEncoder.class, ForestScorer.class, BoostScorer.class, IsolationScorer.class,
            TreeArrays.class, double[].class, double[][].class, int[].class, long[].class, String[].class, String.class);

    private ModelFile() {
    }

    /** Writes a model file (parent folders are created). */
    public static void write(Path file, ModelHeader header, ModelPayload payload) throws IOException {
        byte[] gzipped = FilteredObjects.gzip(payload);
        try (OutputStream out = FilteredObjects.create(file)) {
            write(out, header, gzipped);
        }
    }

    /** Writes a model whose payload is compressed already (re-writing a file keeps its payload bytes). */
    static void write(OutputStream out, ModelHeader header, byte[] gzippedPayload) throws IOException {
        DigestedFile.write(out, DigestedFile.Kind.MODEL, List.of(header.schemaHash(), header.trainingCommand(),
                header.createdAt(), header.gatewatchVersion(), header.modelVersion()), gzippedPayload);
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
    public static Ensemble read(Path file) throws ModelFileException {
        String name = "model " + file;
        return read(DigestedFile.read(file, name, DigestedFile.Kind.MODEL), name);
    }

    /** Reads the bundled default model. */
    public static Ensemble readDefault() throws ModelFileException {
        String name = "bundled model " + DEFAULT_RESOURCE;
        byte[] bytes;
        try (InputStream in = ModelFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw ModelFileException.refused(name, "not on the classpath");
            }
            bytes = in.readAllBytes();
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw ModelFileException.unreadable(name, e);
        }
        return read(bytes, name);
    }

    /** Reads a model file already in memory; {@code name} as messages call it ("model /x.gwm"). */
    static Ensemble read(byte[] bytes, String name) throws ModelFileException {
        return read(DigestedFile.check(bytes, name, DigestedFile.Kind.MODEL), name);
    }

    /** Reads only the header, checked as a whole file is (for {@code --version} and the CI model check). */
    public static ModelHeader readHeader(Path file) throws ModelFileException {
        String name = "model " + file;
        return header(DigestedFile.read(file, name, DigestedFile.Kind.MODEL), name);
    }

    private static Ensemble read(DigestedFile.Contents file, String name) throws ModelFileException {
        ModelHeader header = header(file, name);
        return Ensemble.of(header, FilteredObjects.read(file, name, ALLOWED, ModelPayload.class, "model"));
    }

    private static ModelHeader header(DigestedFile.Contents file, String name) throws ModelFileException {
        List<String> f = file.fields();
        ModelHeader h = new ModelHeader(FORMAT_VERSION, f.get(0), f.get(1), f.get(2), f.get(3), f.get(4));
        String schema = DetectorRow.schemaHash();
        if (!h.schemaHash().equals(schema)) {
            // The header digest matched, so this is the schema the model was trained for.
            throw ModelFileException.refused(name, "model was trained for feature schema " + shortHash(h.schemaHash())
                    + ", this gatewatch has schema " + shortHash(schema) + "; retrain it with 'gatewatch train'");
        }
        return h;
    }

    private static String shortHash(String h) {
        return h.length() > 12 ? h.substring(0, 12) : h;
    }
}
