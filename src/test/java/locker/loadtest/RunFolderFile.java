package locker.loadtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A record a run keeps as an indented JSON file of its own in its report folder (the run context, the capacity
 * levels, the generator's self-check), written by the run and read back by the export.
 */
public record RunFolderFile<T>(String name, Class<T> type) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Path runDirectory, T value) {
        Path file = runDirectory.resolve(name);
        try {
            JSON.writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The record in the run's folder; empty when the run left none. */
    public Optional<T> read(Path runDirectory) {
        Path file = runDirectory.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
