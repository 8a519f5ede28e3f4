package com.trendcast.pipeline;

import com.trendcast.audit.AuditService;
import com.trendcast.common.UserFacingException;
import com.trendcast.dataset.DatasetService;
import com.trendcast.dataset.DatasetSummary;
import com.trendcast.dataset.read.mapping.DatasetKind;
import com.trendcast.forecast.engine.TimeSeries;
import com.trendcast.pipeline.spec.PipelineSpec;
import com.trendcast.pipeline.spec.PipelineSpecJson;
import com.trendcast.security.AccessScope;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stored feature pipelines: creating, versioning, listing, JSON export and import, deleting, and reading the
 * series a spec describes (see {@link PipelineSeriesReader}). A manager sees a pipeline when they can see its
 * source dataset and its category filter starts with one of their categories; admins see all. Only the owner or
 * an admin may change or delete a pipeline.
 * <p>
 * A pipeline without a category filter (e.g. the demo pipeline over every category) is not a manager's to open,
 * change or train: its runs read every category. Its results are still partly theirs, so such a pipeline on a
 * dataset they can see is <em>readable</em> ({@link #listReadable}, {@link #readable}, {@link #readableSpec}): its
 * production forecast may be read, cut to the manager's categories by whoever reads it.
 */
@Service
public class PipelineService {

    private static final int MAX_NAME = 200;
    private static final int MAX_CATEGORY_LEVELS = 3;
    private static final String CURRENT = "select p.id, p.name, p.owner, p.created_at, p.current_version, v.spec_json"
            + " from feature_pipeline p join feature_pipeline_version v"
            + " on v.pipeline_id = p.id and v.version = p.current_version";
    private static final RowMapper<PipelineSummary> SUMMARY = (rs, row) -> new PipelineSummary(rs.getLong(1),
            rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getInt(5),
            PipelineSpecJson.read(rs.getString(6)));

    private final NamedParameterJdbcTemplate jdbc;
    private final DatasetService datasets;
    private final PipelineSeriesReader seriesReader;
    private final AuditService audit;

    PipelineService(NamedParameterJdbcTemplate jdbc, DatasetService datasets, PipelineSeriesReader seriesReader,
                    AuditService audit) {
        this.jdbc = jdbc;
        this.datasets = datasets;
        this.seriesReader = seriesReader;
        this.audit = audit;
    }

    @Transactional
    public PipelineSummary create(AccessScope scope, String name, PipelineSpec spec) {
        String checkedName = checkedName(name);
        checkSavable(scope, spec);
        MapSqlParameterSource params = new MapSqlParameterSource("name", checkedName)
                .addValue("owner", scope.username()).addValue("now", Timestamp.from(Instant.now()));
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("insert into feature_pipeline (name, owner, created_at, current_version)"
                + " values (:name, :owner, :now, 1)", params, key, new String[]{"id"});
        long id = key.getKey().longValue();
        insertVersion(scope, id, 1, spec);
        audit.record(scope.username(), "pipeline.create", "Pipeline " + id + " '" + checkedName + "' on dataset "
                + spec.datasetId());
        return get(scope, id);
    }

    /** Saves {@code spec} as the next version of the pipeline; earlier versions stay readable. */
    @Transactional
    public PipelineSummary saveNewVersion(AccessScope scope, long pipelineId, PipelineSpec spec) {
        PipelineSummary pipeline = modifiable(scope, pipelineId);
        checkSavable(scope, spec);
        int version = pipeline.currentVersion() + 1;
        insertVersion(scope, pipelineId, version, spec);
        jdbc.update("update feature_pipeline set current_version = :version where id = :id",
                new MapSqlParameterSource("version", version).addValue("id", pipelineId));
        audit.record(scope.username(), "pipeline.update", "Pipeline " + pipelineId + " '" + pipeline.name()
                + "' version " + version);
        return get(scope, pipelineId);
    }

    @Transactional(readOnly = true)
    public List<PipelineSummary> list(AccessScope scope) {
        Set<Long> visibleDatasets = datasets.list(scope).stream().map(DatasetSummary::id).collect(Collectors.toSet());
        return jdbc.query(CURRENT + " order by p.name, p.id", SUMMARY).stream()
                .filter(pipeline -> visible(scope, visibleDatasets, pipeline.spec()))
                .toList();
    }

    @Transactional(readOnly = true)
    public PipelineSummary get(AccessScope scope, long pipelineId) {
        PipelineSummary pipeline = jdbc.query(CURRENT + " where p.id = :id", new MapSqlParameterSource("id", pipelineId),
                SUMMARY).stream().findFirst().orElseThrow(() -> notFound(pipelineId));
        Set<Long> visibleDatasets = datasets.list(scope).stream().map(DatasetSummary::id).collect(Collectors.toSet());
        if (!visible(scope, visibleDatasets, pipeline.spec())) {
            throw notFound(pipelineId);
        }
        return pipeline;
    }

    /**
     * The pipelines whose production forecasts the caller may read part of: the ones {@link #list} gives, and for a
     * manager also those without a category filter on a dataset they can see.
     */
    @Transactional(readOnly = true)
    public List<PipelineSummary> listReadable(AccessScope scope) {
        Set<Long> visibleDatasets = datasets.list(scope).stream().map(DatasetSummary::id).collect(Collectors.toSet());
        return jdbc.query(CURRENT + " order by p.name, p.id", SUMMARY).stream()
                .filter(pipeline -> readable(scope, visibleDatasets, pipeline.spec()))
                .toList();
    }

    /**
     * A pipeline of {@link #listReadable}.
     *
     * @throws UserFacingException as for a missing pipeline when the caller may not read it
     */
    @Transactional(readOnly = true)
    public PipelineSummary readable(AccessScope scope, long pipelineId) {
        PipelineSummary pipeline = jdbc.query(CURRENT + " where p.id = :id", new MapSqlParameterSource("id", pipelineId),
                SUMMARY).stream().findFirst().orElseThrow(() -> notFound(pipelineId));
        Set<Long> visibleDatasets = datasets.list(scope).stream().map(DatasetSummary::id).collect(Collectors.toSet());
        if (!readable(scope, visibleDatasets, pipeline.spec())) {
            throw notFound(pipelineId);
        }
        return pipeline;
    }

    /**
     * The spec of one version of a readable pipeline, e.g. the one its production run trained on.
     *
     * @throws UserFacingException as for a missing pipeline when the caller may not read it or the version is gone
     */
    @Transactional(readOnly = true)
    public PipelineSpec readableSpec(AccessScope scope, long pipelineId, int version) {
        readable(scope, pipelineId);
        return jdbc.query("select spec_json from feature_pipeline_version where pipeline_id = :id"
                                + " and version = :version",
                        new MapSqlParameterSource("id", pipelineId).addValue("version", version),
                        (rs, row) -> PipelineSpecJson.read(rs.getString(1)))
                .stream().findFirst().orElseThrow(() -> notFound(pipelineId));
    }

    /**
     * Product descriptions by SKU in a dataset, for the products in the caller's categories that have one; the
     * SKU stays the identifier, the description is for display.
     */
    @Transactional(readOnly = true)
    public Map<String, String> productNames(AccessScope scope, long datasetId) {
        datasets.get(scope, datasetId);
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", datasetId);
        StringBuilder sql = new StringBuilder("select sku, name from product where dataset_id = :id"
                + " and name is not null");
        if (!scope.admin()) {
            if (scope.categories().isEmpty()) {
                return Map.of();
            }
            sql.append(" and category1 in (:categories)");
            parameters.addValue("categories", scope.categories());
        }
        Map<String, String> names = new HashMap<>();
        jdbc.query(sql.toString(), parameters, rs -> {
            String name = rs.getString(2).strip();
            if (!name.isEmpty()) {
                names.put(rs.getString(1), name);
            }
        });
        return names;
    }

    /** Every saved version, oldest first. */
    @Transactional(readOnly = true)
    public List<PipelineVersion> versions(AccessScope scope, long pipelineId) {
        get(scope, pipelineId);
        return jdbc.query("select version, spec_json, created_at, created_by from feature_pipeline_version"
                        + " where pipeline_id = :id order by version", new MapSqlParameterSource("id", pipelineId),
                (rs, row) -> new PipelineVersion(rs.getInt(1), PipelineSpecJson.read(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)));
    }

    /** The current version's spec as a JSON document that {@link #importJson} reads back. */
    @Transactional(readOnly = true)
    public String exportJson(AccessScope scope, long pipelineId) {
        return PipelineSpecJson.write(get(scope, pipelineId).spec());
    }

    /** Creates a pipeline from an exported spec, under the same rules as {@link #create}. */
    @Transactional
    public PipelineSummary importJson(AccessScope scope, String name, String json) {
        return create(scope, name, PipelineSpecJson.read(json));
    }

    /** Deletes the pipeline with all its versions. */
    @Transactional
    public void delete(AccessScope scope, long pipelineId) {
        PipelineSummary pipeline = modifiable(scope, pipelineId);
        jdbc.update("delete from feature_pipeline where id = :id", new MapSqlParameterSource("id", pipelineId));
        audit.record(scope.username(), "pipeline.delete", "Pipeline " + pipelineId + " '" + pipeline.name()
                + "' (" + pipeline.currentVersion() + " versions)");
    }

    /**
     * The series {@code spec} describes, read from the stored sales within the caller's scope; see
     * {@link PipelineSeriesReader#read}.
     */
    @Transactional(readOnly = true)
    public List<TimeSeries> loadSeries(AccessScope scope, PipelineSpec spec) {
        spec.validated();
        checkSourceDataset(scope, spec);
        return seriesReader.read(scope, spec);
    }

    /**
     * The categories one level below {@code parentPath} in a dataset's products that the caller may filter on,
     * sorted: first-level categories for an empty path. A path that starts outside the caller's categories has
     * no options.
     */
    @Transactional(readOnly = true)
    public List<String> categoryOptions(AccessScope scope, long datasetId, List<String> parentPath) {
        if (parentPath.size() >= MAX_CATEGORY_LEVELS) {
            return List.of();
        }
        if (!parentPath.isEmpty() && !scope.canSeeCategory(parentPath.get(0))) {
            return List.of();
        }
        String column = "category" + (parentPath.size() + 1);
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", datasetId);
        StringBuilder sql = new StringBuilder("select distinct " + column + " from product where dataset_id = :id"
                + " and " + column + " is not null");
        for (int level = 0; level < parentPath.size(); level++) {
            sql.append(" and category").append(level + 1).append(" = :c").append(level);
            parameters.addValue("c" + level, parentPath.get(level));
        }
        sql.append(" order by ").append(column);
        return jdbc.queryForList(sql.toString(), parameters, String.class).stream()
                .filter(category -> !parentPath.isEmpty() || scope.canSeeCategory(category))
                .toList();
    }

    private void insertVersion(AccessScope scope, long pipelineId, int version, PipelineSpec spec) {
        jdbc.update("insert into feature_pipeline_version (pipeline_id, version, spec_json, created_at, created_by)"
                        + " values (:id, :version, :json, :now, :user)",
                new MapSqlParameterSource("id", pipelineId).addValue("version", version)
                        .addValue("json", PipelineSpecJson.write(spec)).addValue("now", Timestamp.from(Instant.now()))
                        .addValue("user", scope.username()));
    }

    /** A manager's pipeline must stay inside their categories, or they could not see it once saved. */
    private void checkSavable(AccessScope scope, PipelineSpec spec) {
        spec.validated();
        checkSourceDataset(scope, spec);
        String category = spec.filter().category1();
        if (!scope.admin() && (category == null || !scope.canSeeCategory(category))) {
            throw new UserFacingException("pipeline.scope.category", String.join(", ", scope.categories()));
        }
    }

    private void checkSourceDataset(AccessScope scope, PipelineSpec spec) {
        DatasetSummary dataset = datasets.get(scope, spec.datasetId());
        if (dataset.kind() != DatasetKind.SALES) {
            throw new UserFacingException("pipeline.dataset.notSales", dataset.name());
        }
    }

    private PipelineSummary modifiable(AccessScope scope, long pipelineId) {
        PipelineSummary pipeline = get(scope, pipelineId);
        if (!scope.admin() && !scope.username().equals(pipeline.owner())) {
            throw new UserFacingException("pipeline.notOwner", pipeline.name());
        }
        return pipeline;
    }

    private static boolean visible(AccessScope scope, Set<Long> visibleDatasets, PipelineSpec spec) {
        if (scope.admin()) {
            return true;
        }
        String category = spec.filter().category1();
        return visibleDatasets.contains(spec.datasetId()) && category != null && scope.canSeeCategory(category);
    }

    private static boolean readable(AccessScope scope, Set<Long> visibleDatasets, PipelineSpec spec) {
        return visible(scope, visibleDatasets, spec)
                || visibleDatasets.contains(spec.datasetId()) && spec.filter().category1() == null;
    }

    private static String checkedName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
            throw new UserFacingException("pipeline.name.invalid", MAX_NAME);
        }
        return stripped;
    }

    private static UserFacingException notFound(long pipelineId) {
        return new UserFacingException("pipeline.notFound", pipelineId);
    }
}
