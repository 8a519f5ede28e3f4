package com.trendcast.dataset.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Recognises container formats by their leading magic bytes, since file names are often wrong. */
final class ContentSniffer {

    enum Container { EMPTY, GZIP, ZIP, OLE2, PLAIN }

    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private ContentSniffer() {
    }

    static Container sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        return sniff(head);
    }

    static Container sniff(byte[] head) {
        if (head.length == 0) {
            return Container.EMPTY;
        }
        if (head.length >= 2 && head[0] == 0x1F && head[1] == (byte) 0x8B) {
            return Container.GZIP;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] < 0x09 && head[3] < 0x09) {
            return Container.ZIP;
        }
        if (head.length >= 4 && head[0] == OLE2_MAGIC[0] && head[1] == OLE2_MAGIC[1]
                && head[2] == OLE2_MAGIC[2] && head[3] == OLE2_MAGIC[3]) {
            return Container.OLE2;
        }
        return Container.PLAIN;
    }
}
