package com.trendcast.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trendcast.forecast.engine.Forecast;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The training tables; no access rules here, {@link TrainingService} applies them. */
@Component
class TrainingStore {

    /** A run row as stored. */
    record Run(long id, long pipelineId, int pipelineVersion, String pipelineName, String category, String model,
               HyperParameters hyperParameters, Backend requestedBackend, RunStatus status, String launchedBy,
               Instant createdAt, Instant startedAt, Instant finishedAt, String phase, int epoch, int maxEpochs,
               int step, int stepsPerEpoch, String backend, String device, String metricsJson, String modelPath,
               Long modelSize, String modelSha256, String failureKey, String failureArgs, String logTail,
               boolean promoteOnSuccess, String taskInstance, boolean production) {
    }

    private static final String SELECT = "select r.*, case when p.run_id is null then false else true end as production"
            + " from training_run r left join training_production p on p.run_id = r.id";

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<Run> runs;

    TrainingStore(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.runs = this::run;
    }

    long insert(long pipelineId, int version, String pipelineName, String category, String model,
                HyperParameters hyperParameters, Backend backend, String launchedBy, Instant now,
                boolean promoteOnSuccess, String taskInstance) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("insert into training_run (pipeline_id, pipeline_version, pipeline_name, category, model,"
                        + " hyper_parameters, requested_backend, status, launched_by, created_at, max_epochs,"
                        + " promote_on_success, task_instance) values (:pipeline, :version, :name, :category,"
                        + " :model, :hp, :backend, 'QUEUED', :by, :now, :epochs, :promote, :task)",
                new MapSqlParameterSource("pipeline", pipelineId).addValue("version", version)
                        .addValue("name", pipelineName).addValue("category", category).addValue("model", model)
                        .addValue("hp", write(hyperParameters)).addValue("backend", backend.name())
                        .addValue("by", launchedBy).addValue("now", Timestamp.from(now))
                        .addValue("epochs", hyperParameters.maxEpochs()).addValue("promote", promoteOnSuccess)
                        .addValue("task", taskInstance),
                key, new String[]{"id"});
        return key.getKey().longValue();
    }

    Optional<Run> find(long id) {
        return jdbc.query(SELECT + " where r.id = :id", new MapSqlParameterSource("id", id), runs).stream().findFirst();
    }

    List<Run> list(RunFilter filter, String onlyLaunchedBy) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder sql = new StringBuilder(SELECT).append(" where 1 = 1");
        if (filter.status() != null) {
            sql.append(" and r.status = :status");
            params.addValue("status", filter.status().name());
        }
        if (filter.pipelineId() != null) {
            sql.append(" and r.pipeline_id = :pipeline");
            params.addValue("pipeline", filter.pipelineId());
        }
        if (filter.launchedBy() != null) {
            sql.append(" and r.launched_by = :by");
            params.addValue("by", filter.launchedBy());
        }
        if (onlyLaunchedBy != null) {
            sql.append(" and r.launched_by = :owner");
            params.addValue("owner", onlyLaunchedBy);
        }
        return jdbc.query(sql.append(" order by r.created_at desc, r.id desc").toString(), params, runs);
    }

    List<Long> idsInStatus(RunStatus status) {
        return jdbc.queryForList("select id from training_run where status = :status",
                new MapSqlParameterSource("status", status.name()), Long.class);
    }

    /** Moves a run from {@code from} to {@code to}; false when it was not in {@code from}. */
    boolean transition(long id, RunStatus from, RunStatus to) {
        return jdbc.update("update training_run set status = :to where id = :id and status = :from",
                new MapSqlParameterSource("id", id).addValue("from", from.name()).addValue("to", to.name())) == 1;
    }

    boolean start(long id, String backend, String device, Instant now) {
        return jdbc.update("update training_run set status = 'RUNNING', started_at = coalesce(started_at, :now),"
                        + " finished_at = null, failure_key = null, failure_args = null, backend = :backend,"
                        + " device = :device where id = :id and status = 'QUEUED'",
                new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(now)).addValue("backend", backend)
                        .addValue("device", device)) == 1;
    }

    /** Back to the queue for a resume or restart under a new scheduler task instance. */
    void requeue(long id, String taskInstance, boolean clearResults) {
        jdbc.update("update training_run set status = 'QUEUED', task_instance = :task, finished_at = null,"
                        + " failure_key = null, failure_args = null" + (clearResults
                        ? ", started_at = null, metrics_json = null, epoch = 0, step = 0, phase = null" : "")
                        + " where id = :id",
                new MapSqlParameterSource("id", id).addValue("task", taskInstance));
        if (clearResults) {
            jdbc.update("delete from training_epoch where run_id = :id", new MapSqlParameterSource("id", id));
        }
    }

    void progress(long id, String phase, int epoch, int step, int stepsPerEpoch) {
        jdbc.update("update training_run set phase = :phase, epoch = :epoch, step = :step,"
                        + " steps_per_epoch = :steps where id = :id",
                new MapSqlParameterSource("id", id).addValue("phase", phase).addValue("epoch", epoch)
                        .addValue("step", step).addValue("steps", stepsPerEpoch));
    }

    void logTail(long id, List<String> lines) {
        jdbc.update("update training_run set log_tail = :log where id = :id",
                new MapSqlParameterSource("id", id).addValue("log", String.join("\n", lines)));
    }

    @Transactional
    void epoch(long id, EpochLoss loss) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id).addValue("epoch", loss.epoch());
        jdbc.update("delete from training_epoch where run_id = :id and epoch >= :epoch", params);
        jdbc.update("insert into training_epoch (run_id, epoch, train_loss, validation_loss, validation_wape, seconds)"
                + " values (:id, :epoch, :train, :validation, :wape, :seconds)", params
                .addValue("train", loss.trainLoss()).addValue("validation", finiteOrNull(loss.validationLoss()))
                .addValue("wape", finiteOrNull(loss.validationWape())).addValue("seconds", loss.seconds()));
    }

    List<EpochLoss> losses(long id) {
        return jdbc.query("select epoch, train_loss, validation_loss, validation_wape, seconds from training_epoch"
                        + " where run_id = :id order by epoch", new MapSqlParameterSource("id", id),
                (rs, row) -> new EpochLoss(rs.getInt(1), rs.getDouble(2), nanIfNull(rs, 3), nanIfNull(rs, 4),
                        rs.getDouble(5)));
    }

    void metrics(long id, Map<String, Map<String, Object>> metrics) {
        jdbc.update("update training_run set metrics_json = :json where id = :id",
                new MapSqlParameterSource("id", id).addValue("json", write(metrics)));
    }

    Map<String, Map<String, Object>> metrics(Run run) {
        if (run.metricsJson() == null) {
            return Map.of();
        }
        try {
            return json.readValue(run.metricsJson(), new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable metrics of run " + run.id(), e);
        }
    }

    @Transactional
    void succeed(long id, ModelFile model, List<Forecast> forecasts, List<String> categories, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        jdbc.update("delete from training_forecast where run_id = :id", params);
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (int s = 0; s < forecasts.size(); s++) {
            Forecast forecast = forecasts.get(s);
            for (int step = 0; step < forecast.horizon(); step++) {
                rows.add(new MapSqlParameterSource("id", id).addValue("order", s)
                        .addValue("key", String.join(KEY_SEPARATOR, forecast.key()))
                        .addValue("category", categories.get(s))
                        .addValue("date", Date.valueOf(forecast.dates().get(step)))
                        .addValue("forecast", forecast.point()[step]).addValue("lower", forecast.lower()[step])
                        .addValue("upper", forecast.upper()[step]));
            }
        }
        jdbc.batchUpdate("insert into training_forecast (run_id, series_order, series_key, category1, period_date,"
                + " forecast, forecast_lower, forecast_upper) values (:id, :order, :key, :category, :date,"
                + " :forecast, :lower, :upper)", rows.toArray(MapSqlParameterSource[]::new));
        jdbc.update("update training_run set status = 'SUCCEEDED', finished_at = :now, phase = null,"
                        + " model_path = :path, model_size = :size, model_sha256 = :sha where id = :id",
                params.addValue("now", Timestamp.from(now)).addValue("path", model.path())
                        .addValue("size", model.sizeBytes()).addValue("sha", model.sha256()));
    }

    /** Ends a running run as failed, cancelled or interrupted. */
    void finish(long id, RunStatus status, RunFailure failure, Instant now) {
        jdbc.update("update training_run set status = :status, finished_at = :now, failure_key = :key,"
                        + " failure_args = :args where id = :id",
                new MapSqlParameterSource("id", id).addValue("status", status.name())
                        .addValue("now", Timestamp.from(now))
                        .addValue("key", failure == null ? null : failure.key())
                        .addValue("args", failure == null ? null : write(failure.arguments())));
    }

    /** Rows of a run, series in training order; {@code visible} keeps a row by its first-level category. */
    List<ForecastRow> forecasts(long runId, Predicate<String> visible) {
        List<ForecastRow> rows = new ArrayList<>();
        jdbc.query("select series_key, category1, period_date, forecast, forecast_lower, forecast_upper"
                        + " from training_forecast where run_id = :id order by series_order, period_date",
                new MapSqlParameterSource("id", runId), rs -> {
                    if (visible.test(rs.getString(2))) {
                        rows.add(new ForecastRow(List.of(rs.getString(1).split(KEY_SEPARATOR, -1)),
                                rs.getObject(3, LocalDate.class), rs.getDouble(4), rs.getDouble(5),
                                rs.getDouble(6)));
                    }
                });
        return rows;
    }

    /** How many series a run forecast. */
    int seriesCount(long runId) {
        return jdbc.queryForObject("select count(distinct series_key) from training_forecast where run_id = :id",
                new MapSqlParameterSource("id", runId), Integer.class);
    }

    /** Whether a run forecast any series of {@code categories} (first level); of any category when null. */
    boolean hasForecasts(long runId, Set<String> categories) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", runId);
        String sql = "select count(*) from training_forecast where run_id = :id";
        if (categories != null) {
            if (categories.isEmpty()) {
                return false;
            }
            sql += " and category1 in (:categories)";
            params.addValue("categories", categories);
        }
        return jdbc.queryForObject(sql, params, Long.class) > 0;
    }

    @Transactional
    void promote(long pipelineId, long runId, String by, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource("pipeline", pipelineId).addValue("run", runId)
                .addValue("by", by).addValue("now", Timestamp.from(now));
        jdbc.update("delete from training_production where pipeline_id = :pipeline", params);
        jdbc.update("insert into training_production (pipeline_id, run_id, promoted_by, promoted_at)"
                + " values (:pipeline, :run, :by, :now)", params);
    }

    /** A pipeline's production run, who promoted it and when. */
    record Production(long runId, String promotedBy, Instant promotedAt) {
    }

    Optional<Production> production(long pipelineId) {
        return jdbc.query("select run_id, promoted_by, promoted_at from training_production"
                        + " where pipeline_id = :pipeline", new MapSqlParameterSource("pipeline", pipelineId),
                (rs, row) -> new Production(rs.getLong(1), rs.getString(2), instant(rs, "promoted_at")))
                .stream().findFirst();
    }

    void delete(long id) {
        jdbc.update("delete from training_run where id = :id", new MapSqlParameterSource("id", id));
    }

    static Duration duration(Run run, Instant now) {
        if (run.startedAt() == null) {
            return null;
        }
        return Duration.between(run.startedAt(), run.finishedAt() != null ? run.finishedAt() : now);
    }

    RunFailure failure(Run run) {
        if (run.failureKey() == null) {
            return null;
        }
        try {
            return new RunFailure(run.failureKey(), json.readValue(run.failureArgs(), new TypeReference<List<String>>() {
            }));
        } catch (JsonProcessingException e) {
            return new RunFailure(run.failureKey(), List.of());
        }
    }

    /** Separates the parts of a series key in one column; a unit separator never occurs in category names. */
    static final String KEY_SEPARATOR = "\u001f";

    private Run run(ResultSet rs, int row) throws SQLException {
        try {
            return new Run(rs.getLong("id"), rs.getLong("pipeline_id"), rs.getInt("pipeline_version"),
                    rs.getString("pipeline_name"), rs.getString("category"), rs.getString("model"),
                    json.readValue(rs.getString("hyper_parameters"), HyperParameters.class),
                    Backend.valueOf(rs.getString("requested_backend")), RunStatus.valueOf(rs.getString("status")),
                    rs.getString("launched_by"), instant(rs, "created_at"), instant(rs, "started_at"),
                    instant(rs, "finished_at"), rs.getString("phase"), rs.getInt("epoch"), rs.getInt("max_epochs"),
                    rs.getInt("step"), rs.getInt("steps_per_epoch"), rs.getString("backend"), rs.getString("device"),
                    rs.getString("metrics_json"), rs.getString("model_path"),
                    rs.getObject("model_size") == null ? null : rs.getLong("model_size"), rs.getString("model_sha256"),
                    rs.getString("failure_key"), rs.getString("failure_args"), rs.getString("log_tail"),
                    rs.getBoolean("promote_on_success"), rs.getString("task_instance"),
                    rs.getBoolean("production"));
        } catch (JsonProcessingException e) {
            throw new SQLException("Unreadable hyper-parameters of training run " + rs.getLong("id"), e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static double nanIfNull(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
