package com.trendcast.dataset;

import com.trendcast.dataset.read.Row;
import com.trendcast.dataset.read.mapping.MappingProposal;

import java.util.List;

/**
 * The start of a file with the proposed way to read it.
 *
 * @param header       column names as read
 * @param firstRows    the first rows, as written in the file
 * @param proposal     kind and mapping proposed from the headers and content (or taken from a template)
 * @param fromTemplate whether the mapping is the one confirmed earlier for a file of the same shape
 */
public record ImportPreview(List<String> header, List<Row> firstRows, MappingProposal proposal,
                            boolean fromTemplate) {

    public ImportPreview {
        header = List.copyOf(header);
        firstRows = List.copyOf(firstRows);
    }
}
