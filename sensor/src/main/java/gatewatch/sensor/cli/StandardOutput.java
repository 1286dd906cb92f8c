package gatewatch.sensor.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Standard output for bulk writing: unbuffered by the JDK's PrintStream, and never closed by a writer. */
final class StandardOutput {
    private StandardOutput() {
    }

    /** The process's stdout; {@code close()} only flushes, so closing a writer over it keeps fd 1 open. */
    static OutputStream unclosable() {
        return new FilterOutputStream(new FileOutputStream(FileDescriptor.out)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
