package com.trendcast.forecast;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An uploaded file waiting for its ad-hoc forecast: a temporary copy on the server, its columns and the proposed
 * mapping. Nothing of it is stored; {@link #close()} deletes the copy, and it must be closed when the user is done
 * (another upload, leaving the view, the end of an API call).
 */
public final class AdhocUpload implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AdhocUpload.class);

    private final Path file;
    private final String originalName;
    private final List<String> header;
    private final AdhocMapping proposal;

    AdhocUpload(Path file, String originalName, List<String> header, AdhocMapping proposal) {
        this.file = file;
        this.originalName = originalName;
        this.header = List.copyOf(header);
        this.proposal = proposal;
    }

    Path file() {
        return file;
    }

    /** The name the file had on the user's computer. */
    public String originalName() {
        return originalName;
    }

    /** The file's column names, in file order. */
    public List<String> header() {
        return header;
    }

    /** The mapping proposed from headers and content, for the user to confirm or change. */
    public AdhocMapping proposal() {
        return proposal;
    }

    /** Deletes the temporary copy; safe to call more than once. */
    @Override
    public void close() {
        delete(file);
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the ad-hoc upload {}", file, e);
        }
    }
}
