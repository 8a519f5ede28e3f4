package com.trendcast.dataset;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Import limits.
 *
 * @param maxFileSize   largest file accepted
 * @param maxErrorShare share of invalid rows (0..1) above which a file is refused outright
 */
@ConfigurationProperties("trendcast.import")
public record ImportProperties(DataSize maxFileSize, Double maxErrorShare) {

    public ImportProperties {
        if (maxFileSize == null) {
            maxFileSize = DataSize.ofMegabytes(200);
        }
        if (maxErrorShare == null) {
            maxErrorShare = 0.05;
        }
    }
}
