package org.pqipsec.cli.support;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of one command run, written under temporary names and renamed into place together
 * at the end. A run that fails leaves the files of the previous run as they were, never a mix of
 * old and new files.
 */
public final class OutputFiles {

    private final Path directory;
    private final Map<Path, Path> stagedToFinal = new LinkedHashMap<>();

    private OutputFiles(Path directory) {
        this.directory = directory;
    }

    /**
     * Creates {@code directory} if it is missing.
     *
     * @throws IOException if it cannot be created or exists and is not a directory
     */
    public static OutputFiles in(Path directory) throws IOException {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new FileAlreadyExistsException(directory.toString(), null, "exists and is not a directory");
        }
        Files.createDirectories(directory);
        return new OutputFiles(directory);
    }

    /** Returns the output directory. */
    public Path directory() {
        return directory;
    }

    /** Returns the path to write {@code name} to until {@link #commit()} renames it. */
    public Path stage(String name) {
        Path staged = directory.resolve("." + name + ".partial");
        stagedToFinal.put(staged, directory.resolve(name));
        return staged;
    }

    /** Renames every staged file to its final name, replacing the files of an earlier run. */
    public void commit() throws IOException {
        for (Map.Entry<Path, Path> file : stagedToFinal.entrySet()) {
            try {
                Files.move(file.getKey(), file.getValue(),
                        StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(file.getKey(), file.getValue(), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        stagedToFinal.clear();
    }

    /** Deletes the staged files of a run that failed. */
    public void discard() {
        for (Path staged : stagedToFinal.keySet()) {
            try {
                Files.deleteIfExists(staged);
            } catch (IOException e) {
                // A staged file that cannot be deleted keeps its hidden .partial name.
            }
        }
        stagedToFinal.clear();
    }
}
