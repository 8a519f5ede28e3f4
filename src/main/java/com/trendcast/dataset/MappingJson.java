package com.trendcast.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trendcast.common.UserFacingException;
import com.trendcast.dataset.read.mapping.ColumnMapping;
import com.trendcast.dataset.read.mapping.HeaderNames;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/** Mappings as JSON (saved with each dataset, reused as templates, given to the command line). */
final class MappingJson {

    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** What is saved with a dataset: the mapping and the choices that went with it. */
    record SavedImport(ColumnMapping mapping, String sheet, ReturnsPolicy returns) {
    }

    private MappingJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Mappings consist of plain values and always serialise", e);
        }
    }

    static ColumnMapping readMapping(String json) {
        try {
            ColumnMapping mapping = JSON.readValue(json, ColumnMapping.class);
            if (mapping.kind() == null) {
                throw new UserFacingException("import.mapping.invalidJson", "kind");
            }
            return mapping;
        } catch (JsonProcessingException e) {
            throw new UserFacingException(e, "import.mapping.invalidJson", e.getMessage());
        }
    }

    /** Files with the same columns, in any order and however their headers are spelt, share a template. */
    static String headerKey(List<String> header) {
        TreeSet<String> names = new TreeSet<>();
        header.forEach(name -> names.add(HeaderNames.normalize(name)));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", names).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
