package org.pqipsec.cli.support;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/** Plain-word descriptions of file errors for command messages, without Java class names. */
public final class IoErrors {

    private IoErrors() {
    }

    /**
     * Returns why {@code e} happened in plain words, for example {@code "permission denied"},
     * {@code "not a directory"} or {@code "read-only file system"}.
     */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null && !f.getReason().isBlank()) {
            // The reason is the operating system's text, such as "Not a directory".
            return lowerFirst(f.getReason());
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof FileSystemException) {
            return "file system error";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "input/output error" : message;
    }

    /**
     * Returns {@code "cannot write to --out DIR: REASON"}, naming the file that failed as well
     * when it is not {@code directory} itself.
     */
    public static String cannotWrite(Path directory, IOException e) {
        StringBuilder text = new StringBuilder("cannot write to --out ").append(directory).append(": ");
        if (e instanceof FileSystemException f && f.getFile() != null
                && !f.getFile().equals(directory.toString())) {
            text.append(f.getFile()).append(": ");
        }
        return text.append(reason(e)).toString();
    }

    private static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isUpperCase(text.charAt(1))) {
            return text;
        }
        return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
