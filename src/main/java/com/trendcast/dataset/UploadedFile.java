package com.trendcast.dataset;

import java.nio.file.Path;
import java.util.List;

/**
 * A received file, recognised and fingerprinted, before any mapping is chosen.
 *
 * @param path         where the file lies on the server
 * @param originalName the name the user's computer gave it
 * @param checksum     SHA-256 of its bytes, in hex
 * @param sheets       sheet names of a workbook, for the user to pick one; empty for text files
 * @param sameFile     datasets already imported from a byte-identical file that the user may see
 */
public record UploadedFile(Path path, String originalName, long sizeBytes, String checksum, List<String> sheets,
                           List<DatasetSummary> sameFile) {

    public UploadedFile {
        sheets = List.copyOf(sheets);
        sameFile = List.copyOf(sameFile);
    }

    public boolean alreadyImported() {
        return !sameFile.isEmpty();
    }
}
