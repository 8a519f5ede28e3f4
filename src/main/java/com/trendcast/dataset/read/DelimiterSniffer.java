package com.trendcast.dataset.read;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Picks the field separator that splits the first records most consistently. Records are parsed with the
 * real CSV grammar, so delimiters inside quoted values (including ones spanning lines) do not count.
 */
final class DelimiterSniffer {

    static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final int RECORDS_TO_INSPECT = 50;

    private DelimiterSniffer() {
    }

    /**
     * @param sampleText the start of the file
     * @param complete   whether the sample is the whole file; otherwise its last record may be cut and is ignored
     */
    static char sniff(String sampleText, boolean complete) {
        char best = ',';
        double bestConsistency = 0;
        int bestWidth = 1;
        for (char candidate : CANDIDATES) {
            List<Integer> widths = recordWidths(sampleText, candidate, complete);
            if (widths.isEmpty()) {
                continue;
            }
            Map<Integer, Integer> frequency = new HashMap<>();
            widths.forEach(width -> frequency.merge(width, 1, Integer::sum));
            Map.Entry<Integer, Integer> mode = frequency.entrySet().stream()
                    .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow();
            int width = mode.getKey();
            double consistency = mode.getValue() / (double) widths.size();
            boolean better = consistency > bestConsistency || (consistency == bestConsistency && width > bestWidth);
            if (width > 1 && better) {
                best = candidate;
                bestConsistency = consistency;
                bestWidth = width;
            }
        }
        return best;
    }

    private static List<Integer> recordWidths(String sampleText, char delimiter, boolean complete) {
        List<Integer> widths = new ArrayList<>();
        boolean sampleExhausted = false;
        try (CSVParser parser = CsvRowReader.format(delimiter).parse(new StringReader(sampleText))) {
            Iterator<CSVRecord> records = parser.iterator();
            while (widths.size() < RECORDS_TO_INSPECT && records.hasNext()) {
                CSVRecord record = records.next();
                if (!(record.size() == 1 && record.get(0).isBlank())) {
                    widths.add(record.size());
                }
            }
            sampleExhausted = !records.hasNext();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // A sample cut inside a quoted value ends in a parse error; the records before it still count.
            return widths;
        }
        if (sampleExhausted && !complete && !widths.isEmpty()) {
            widths.remove(widths.size() - 1);
        }
        return widths;
    }
}
