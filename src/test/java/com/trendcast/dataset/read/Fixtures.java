package com.trendcast.dataset.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Builds test files on the fly so no fixture depends on files outside the test. */
public final class Fixtures {

    public interface EntryWriter {
        void write(OutputStream out) throws IOException;
    }

    private Fixtures() {
    }

    static Path text(Path dir, String name, String content, Charset charset, byte... prefix) throws IOException {
        Path file = dir.resolve(name);
        byte[] body = content.getBytes(charset);
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        Files.write(file, all);
        return file;
    }

    /** Copies a zip, replacing one entry's content; used to plant hostile parts in a valid workbook. */
    public static Path replaceZipEntry(Path source, Path target, String entryName, EntryWriter replacement)
            throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            for (ZipEntry entry : entries) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(entryName)) {
                    replacement.write(out);
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return target;
    }
}
