package gatewatch.detector.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why a file could not be opened, read or written, in the words of {@code strerror}: the JDK's
 * {@link NoSuchFileException} and {@link AccessDeniedException} carry only the path, so a message
 * built from them says "x.gwm: x.gwm".
 */
public final class IoReasons {
    private IoReasons() {
    }

    /** The reason alone, without the path: "no such file or directory", "permission denied", ... */
    public static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (reason == null || reason.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // "Is a directory" from the OS reads better lower-cased after a colon.
        return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }

    /** "FILE: reason" for a {@link FileSystemException} (its file, and the other file when it names one). */
    public static String describe(FileSystemException e) {
        String where = e.getFile() != null ? e.getFile() : "";
        if (e.getOtherFile() != null) {
            where += " -> " + e.getOtherFile();
        }
        return where.isEmpty() ? of(e) : where + ": " + of(e);
    }
}
