package com.trendcast.dataset.read.value;

/** A single value could not be read as the requested type; the message quotes the value for the uploader. */
public class ValueFormatException extends IllegalArgumentException {

    public ValueFormatException(String userMessage) {
        super(userMessage);
    }

    public ValueFormatException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
