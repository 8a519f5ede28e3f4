package com.trendcast.training;

/**
 * A run's trained model on disk.
 *
 * @param path      absolute path under the uploads folder
 * @param sizeBytes file size
 * @param sha256    lower-case hex SHA-256, checked before the model is used
 */
public record ModelFile(String path, long sizeBytes, String sha256) {
}
