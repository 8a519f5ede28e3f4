package com.trendcast.pipeline.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.trendcast.common.UserFacingException;

/** Reads and writes {@link PipelineSpec}s as JSON, the stored and the exported form. */
public final class PipelineSpecJson {

    // Unknown fields fail the import: they mean a file from a different schema, whose settings would be lost.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .findAndAddModules()
            .build();

    private PipelineSpecJson() {
    }

    public static String write(PipelineSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A pipeline spec could not be written as JSON", e);
        }
    }

    /**
     * Parses and validates a spec.
     *
     * @throws UserFacingException if the text is not a pipeline spec, or {@link InvalidPipelineSpecException} if
     *                             it breaks a rule
     */
    public static PipelineSpec read(String json) {
        PipelineSpec spec;
        try {
            spec = MAPPER.readValue(json, PipelineSpec.class);
        } catch (JsonProcessingException e) {
            throw new UserFacingException(e, "pipeline.json.invalid", e.getOriginalMessage());
        }
        if (spec == null) {
            throw new UserFacingException("pipeline.json.invalid", "empty");
        }
        return spec.validated();
    }
}
