package com.trendcast.pipeline.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.trendcast.api.ApiPaths;
import com.trendcast.pipeline.PipelineService;
import com.trendcast.pipeline.PipelineSummary;
import com.trendcast.pipeline.spec.PipelineSpecJson;
import com.trendcast.security.AccessScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping(ApiPaths.V1 + "/pipelines")
class PipelineApiController {

    private final PipelineService pipelines;

    PipelineApiController(PipelineService pipelines) {
        this.pipelines = pipelines;
    }

    @GetMapping
    @Operation(summary = "The feature pipelines the caller may see, each with the spec of its current version")
    List<PipelineResponse> list(@Parameter(hidden = true) AccessScope scope) {
        return pipelines.list(scope).stream().map(PipelineResponse::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One pipeline; 404 when it does not exist or the caller may not see it")
    PipelineResponse get(@Parameter(hidden = true) AccessScope scope, @PathVariable long id) {
        return PipelineResponse.of(pipelines.get(scope, id));
    }

    /**
     * A pipeline with its spec in the exported JSON form, so a script can save it and import it elsewhere.
     */
    record PipelineResponse(long id, String name, String owner, Instant createdAt, int currentVersion,
                            @JsonRawValue @Schema(type = "object", description = "the pipeline spec as exported")
                            String spec) {

        static PipelineResponse of(PipelineSummary pipeline) {
            return new PipelineResponse(pipeline.id(), pipeline.name(), pipeline.owner(), pipeline.createdAt(),
                    pipeline.currentVersion(), PipelineSpecJson.write(pipeline.spec()));
        }
    }
}
