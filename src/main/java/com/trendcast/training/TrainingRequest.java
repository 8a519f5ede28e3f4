package com.trendcast.training;

/**
 * What to train.
 *
 * @param pipelineId       feature pipeline whose current version supplies the series
 * @param model            model name; {@link TrainingService#TRAINABLE_MODELS} lists those a run can train
 * @param hyperParameters  the model's hyper-parameters; {@code null} for {@link HyperParameters#defaults()}
 * @param backend          where to train; {@code null} for {@link Backend#AUTO}
 * @param promoteOnSuccess make the run its pipeline's production model as soon as it succeeds
 */
public record TrainingRequest(long pipelineId, String model, HyperParameters hyperParameters, Backend backend,
                              boolean promoteOnSuccess) {

    /** A run on the defaults that is not promoted by itself. */
    public static TrainingRequest of(long pipelineId, String model) {
        return new TrainingRequest(pipelineId, model, HyperParameters.defaults(), Backend.AUTO, false);
    }
}
