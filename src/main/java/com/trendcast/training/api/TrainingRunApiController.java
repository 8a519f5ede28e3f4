package com.trendcast.training.api;

import com.trendcast.api.ApiLocales;
import com.trendcast.api.ApiPaths;
import com.trendcast.api.ApiProblem;
import com.trendcast.security.AccessScope;
import com.trendcast.training.Backend;
import com.trendcast.training.HyperParameters;
import com.trendcast.training.RunFilter;
import com.trendcast.training.RunStatus;
import com.trendcast.training.TrainingRequest;
import com.trendcast.training.TrainingService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Locale;

@RestController
@RequestMapping(ApiPaths.V1 + "/runs")
class TrainingRunApiController {

    private final TrainingService training;

    TrainingRunApiController(TrainingService training) {
        this.training = training;
    }

    /**
     * Queues a run and answers at once: 202 with the run's address to poll. A GPU asked for where the server has
     * none is a 400 like any other invalid choice: the same request would never succeed on this server, which is
     * not the passing conflict with the resource's state that a 409 would tell a client to wait out.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Launch a training run on a pipeline the caller can see",
            description = "Answers 202 with the queued run and its Location; poll it for status and metrics. "
                    + "Invalid hyper-parameters, an untrainable model or a GPU where there is none answer 400.")
    @ApiResponse(responseCode = "202", description = "queued")
    ResponseEntity<RunResponse> launch(@Parameter(hidden = true) AccessScope scope,
                                       @RequestBody LaunchRequest body, HttpServletRequest request) {
        if (body.pipelineId() == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.parameter.invalid", "pipelineId");
        }
        if (body.model() == null || body.model().isBlank()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.parameter.invalid", "model");
        }
        long runId = training.launch(scope, new TrainingRequest(body.pipelineId(), body.model().strip(),
                body.hyperParameters() == null ? null : body.hyperParameters().overDefaults(), backend(body.backend()),
                Boolean.TRUE.equals(body.promoteOnSuccess())));
        return ResponseEntity.accepted().location(URI.create(ApiPaths.V1 + "/runs/" + runId))
                .body(RunResponse.of(training.get(scope, runId), ApiLocales.of(request)));
    }

    @GetMapping
    @Operation(summary = "The caller's runs (an admin: every run), newest first")
    List<RunSummaryResponse> list(@Parameter(hidden = true) AccessScope scope,
                                  @Parameter(description = "queued, running, succeeded, failed, cancelled or "
                                          + "interrupted") @RequestParam(required = false) String status,
                                  @Parameter(description = "only runs of this pipeline")
                                  @RequestParam(required = false) Long pipelineId) {
        RunFilter filter = new RunFilter(status == null ? null : choice(RunStatus.class, status, "status"),
                pipelineId, null);
        return training.list(scope, filter).stream().map(RunSummaryResponse::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One run: status, progress, backend, metrics of the model and its baselines, model file, "
            + "failure; 404 when it does not exist or is another manager's")
    RunResponse get(@Parameter(hidden = true) AccessScope scope, @PathVariable long id, HttpServletRequest request) {
        return RunResponse.of(training.get(scope, id), ApiLocales.of(request));
    }

    private static Backend backend(String value) {
        return value == null ? null : choice(Backend.class, value, "backend");
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String parameter) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "api.parameter.invalid", parameter);
        }
    }

    /**
     * What to train.
     *
     * @param hyperParameters only the values to change; the others keep the engine's defaults
     */
    record LaunchRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long pipelineId,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "lstm") String model,
                         HyperParameterChoice hyperParameters,
                         @Schema(description = "auto (default), cpu or gpu") String backend,
                         @Schema(description = "make it the pipeline's production model when it succeeds")
                         Boolean promoteOnSuccess) {
    }

    /** Hyper-parameters as a client sends them: any left out keep their default. */
    record HyperParameterChoice(Integer layers, Integer units, Double dropout, Double learningRate,
                                Integer batchSize, Integer maxEpochs, Integer historyWindow, Integer patience,
                                Long seed) {

        HyperParameters overDefaults() {
            HyperParameters defaults = HyperParameters.defaults();
            return new HyperParameters(
                    layers == null ? defaults.layers() : layers,
                    units == null ? defaults.units() : units,
                    dropout == null ? defaults.dropout() : dropout,
                    learningRate == null ? defaults.learningRate() : learningRate,
                    batchSize == null ? defaults.batchSize() : batchSize,
                    maxEpochs == null ? defaults.maxEpochs() : maxEpochs,
                    historyWindow == null ? defaults.historyWindow() : historyWindow,
                    patience == null ? defaults.patience() : patience,
                    seed == null ? defaults.seed() : seed);
        }
    }
}
