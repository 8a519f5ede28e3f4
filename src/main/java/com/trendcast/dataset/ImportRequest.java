package com.trendcast.dataset;

import com.trendcast.dataset.read.mapping.ColumnMapping;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Everything an import needs to know. Start from {@link #of(Path, String, ColumnMapping)} and add choices with the
 * {@code with...} methods.
 *
 * @param file         the uploaded file on the server
 * @param sourceName   the file name shown to users (the uploader's original name)
 * @param sheet        the workbook sheet to read; null for the first sheet or a text file
 * @param datasetName  name of the new dataset; null for the source name
 * @param mapping      the confirmed mapping
 * @param returns      how to treat returns and cancellations; null while the user has not chosen
 * @param skipInvalid  import the valid rows when some are invalid (still refused above the configured share)
 * @param errorReport  where to write the CSV of rejected rows; null for a file in the uploads folder
 * @param username     the uploader, who owns the dataset; null for operator imports from the command line
 * @param categoryRule places products into categories when the file has no category column; null for
 *                     "Uncategorised"
 * @param shared       whether every manager may see the dataset even though it touches no category
 * @param locale       language of the reasons in the error report
 * @param categories   the first-level categories the rows may have (after the category rule); null for any. A
 *                     row of another category is rejected like an invalid one
 */
public record ImportRequest(Path file, String sourceName, String sheet, String datasetName, ColumnMapping mapping,
                            ReturnsPolicy returns, boolean skipInvalid, Path errorReport, String username,
                            CategoryRule categoryRule, boolean shared, Locale locale, Set<String> categories) {

    public ImportRequest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(locale, "locale");
        categories = categories == null ? null : Set.copyOf(categories);
    }

    public static ImportRequest of(Path file, String sourceName, ColumnMapping mapping) {
        return new ImportRequest(file, sourceName, null, null, mapping, null, false, null, null, null, false,
                Locale.ROOT, null);
    }

    public ImportRequest withSheet(String sheetName) {
        return new ImportRequest(file, sourceName, sheetName, datasetName, mapping, returns, skipInvalid, errorReport,
                username, categoryRule, shared, locale, categories);
    }

    public ImportRequest withDatasetName(String name) {
        return new ImportRequest(file, sourceName, sheet, name, mapping, returns, skipInvalid, errorReport, username,
                categoryRule, shared, locale, categories);
    }

    public ImportRequest withMapping(ColumnMapping newMapping) {
        return new ImportRequest(file, sourceName, sheet, datasetName, newMapping, returns, skipInvalid, errorReport,
                username, categoryRule, shared, locale, categories);
    }

    public ImportRequest withReturns(ReturnsPolicy policy) {
        return new ImportRequest(file, sourceName, sheet, datasetName, mapping, policy, skipInvalid, errorReport,
                username, categoryRule, shared, locale, categories);
    }

    public ImportRequest withSkipInvalid(boolean skip) {
        return new ImportRequest(file, sourceName, sheet, datasetName, mapping, returns, skip, errorReport, username,
                categoryRule, shared, locale, categories);
    }

    public ImportRequest withErrorReport(Path report) {
        return new ImportRequest(file, sourceName, sheet, datasetName, mapping, returns, skipInvalid, report, username,
                categoryRule, shared, locale, categories);
    }

    public ImportRequest withOwner(String uploader) {
        return new ImportRequest(file, sourceName, sheet, datasetName, mapping, returns, skipInvalid, errorReport,
                uploader, categoryRule, shared, locale, categories);
    }

    public ImportRequest withCategoryRule(CategoryRule rule) {
        return new ImportRequest(file, sourceName, sheet, datasetName, mapping, returns, skipInvalid, errorReport,
                username, rule, shared, locale, categories);
    }

    public ImportRequest withSharedWithEveryone(boolean share) {
        return new ImportRequest(file, sourceName, sheet, datasetName, mapping, returns, skipInvalid, errorReport,
                username, categoryRule, share, locale, categories);
    }

    public ImportRequest withLocale(Locale reportLocale) {
        return new ImportRequest(file, sourceName, sheet, datasetName, mapping, returns, skipInvalid, errorReport,
                username, categoryRule, shared, reportLocale, categories);
    }

    /** Only rows whose first-level category is among {@code allowed} may be imported; null allows any. */
    public ImportRequest withCategories(Set<String> allowed) {
        return new ImportRequest(file, sourceName, sheet, datasetName, mapping, returns, skipInvalid, errorReport,
                username, categoryRule, shared, locale, allowed);
    }

    String effectiveName() {
        return datasetName == null || datasetName.isBlank() ? sourceName : datasetName.strip();
    }
}
