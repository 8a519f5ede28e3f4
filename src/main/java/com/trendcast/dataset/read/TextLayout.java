package com.trendcast.dataset.read;

import java.nio.charset.Charset;

/**
 * How a delimited text file is laid out.
 *
 * @param encoding       detected character encoding
 * @param byteOrderMark  whether the file starts with a byte order mark (skipped when reading)
 * @param delimiter      detected field separator: comma, semicolon, tab or pipe
 * @param gzipCompressed whether the text is wrapped in gzip
 */
public record TextLayout(Charset encoding, boolean byteOrderMark, char delimiter, boolean gzipCompressed) {
}
