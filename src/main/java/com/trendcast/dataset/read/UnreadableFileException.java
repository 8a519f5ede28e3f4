package com.trendcast.dataset.read;

/**
 * A file could not be read as a table. The message is written for the person who uploaded the file
 * (no class names, no stack traces); the technical cause, if any, is kept for the logs.
 */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String userMessage) {
        super(userMessage);
    }

    public UnreadableFileException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
