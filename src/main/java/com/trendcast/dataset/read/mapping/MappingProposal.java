package com.trendcast.dataset.read.mapping;

import java.util.List;

/**
 * A proposed mapping plus what the user should review.
 *
 * @param mapping         the proposed, saveable mapping
 * @param returns         evidence of returns in the sample (sales files)
 * @param unmappedColumns source columns not used by the mapping
 */
public record MappingProposal(ColumnMapping mapping, ReturnsSignal returns, List<String> unmappedColumns) {

    public MappingProposal {
        unmappedColumns = List.copyOf(unmappedColumns);
    }
}
