package com.trendcast.dataset.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Guesses the encoding of a text sample. Order matters: byte order marks are certain, strict UTF-8 is
 * nearly certain for non-ASCII text, GB18030 is what Excel on Chinese Windows writes, and windows-1252
 * decodes anything, so it comes last.
 */
final class EncodingDetector {

    static final Charset GB18030 = Charset.forName("GB18030");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    record Detected(Charset charset, int bomLength) {
    }

    private static final double MAX_CONTROL_SHARE = 0.02;

    private EncodingDetector() {
    }

    /**
     * @param sample   the first bytes of the text
     * @param complete whether the sample is the whole text, so a multi-byte sequence cut at its end is an error
     */
    static Detected detect(byte[] sample, boolean complete) {
        if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (startsWith(sample, 0xFF, 0xFE)) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(sample, 0xFE, 0xFF)) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        Charset utf16 = utf16WithoutBom(sample);
        if (utf16 != null) {
            return new Detected(utf16, 0);
        }
        if (looksBinary(sample)) {
            throw new UnreadableFileException("read.binary");
        }
        if (decodesStrictly(sample, StandardCharsets.UTF_8, complete)) {
            return new Detected(StandardCharsets.UTF_8, 0);
        }
        if (decodesStrictly(sample, GB18030, complete) && mostlyChinese(new String(sample, GB18030))) {
            return new Detected(GB18030, 0);
        }
        return new Detected(WINDOWS_1252, 0);
    }

    private static boolean startsWith(byte[] sample, int... prefix) {
        if (sample.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((sample[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Text in UTF-16 without a byte order mark shows NUL in every other byte, which would otherwise read as binary. */
    private static Charset utf16WithoutBom(byte[] sample) {
        int pairs = sample.length / 2;
        if (pairs < 2) {
            return null;
        }
        int evenNuls = 0;
        int oddNuls = 0;
        for (int i = 0; i + 1 < sample.length; i += 2) {
            if (sample[i] == 0) {
                evenNuls++;
            }
            if (sample[i + 1] == 0) {
                oddNuls++;
            }
        }
        if (oddNuls > pairs * 0.4 && evenNuls == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenNuls > pairs * 0.4 && oddNuls == 0) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean looksBinary(byte[] sample) {
        int controls = 0;
        for (byte b : sample) {
            if (b == 0) {
                return true;
            }
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) {
                controls++;
            }
        }
        return controls > sample.length * MAX_CONTROL_SHARE;
    }

    private static boolean decodesStrictly(byte[] sample, Charset charset, boolean complete) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample);
        CharBuffer out = CharBuffer.allocate(sample.length + 1);
        CoderResult result = decoder.decode(in, out, complete);
        if (result.isError()) {
            return false;
        }
        if (complete) {
            try {
                return !decoder.flush(out).isError();
            } catch (IllegalStateException e) {
                return false;
            }
        }
        return in.remaining() <= 4;
    }

    private static boolean mostlyChinese(String text) {
        int nonAscii = 0;
        int chinese = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            nonAscii++;
            Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                    || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                    || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS) {
                chinese++;
            }
        }
        return chinese * 2 > nonAscii;
    }
}
