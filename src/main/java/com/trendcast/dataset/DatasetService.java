package com.trendcast.dataset;

import com.trendcast.audit.AuditService;
import com.trendcast.common.UserFacingException;
import com.trendcast.security.AccessScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The stored datasets a user may see, and renaming and deleting them. Admins see everything; a manager sees
 * the datasets they uploaded, the ones shared with everyone, and those with a product in one of their
 * categories. Only the uploader or an admin may rename or delete a dataset.
 */
@Service
public class DatasetService {

    private static final int MAX_NAME = 200;

    private final DatasetStore store;
    private final AuditService audit;

    DatasetService(DatasetStore store, AuditService audit) {
        this.store = store;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<DatasetSummary> list(AccessScope scope) {
        return store.listVisible(scope);
    }

    @Transactional(readOnly = true)
    public DatasetSummary get(AccessScope scope, long datasetId) {
        return store.findVisible(scope, datasetId)
                .orElseThrow(() -> new UserFacingException("data.notFound", datasetId));
    }

    @Transactional
    public DatasetSummary rename(AccessScope scope, long datasetId, String newName) {
        DatasetSummary dataset = modifiable(scope, datasetId);
        String name = newName == null ? "" : newName.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new UserFacingException("data.name.invalid", MAX_NAME);
        }
        store.rename(datasetId, name);
        audit.record(scope.username(), "dataset.rename", "Dataset " + datasetId + " '" + dataset.name() + "' -> '"
                + name + "'");
        return store.findVisible(scope, datasetId).orElseThrow();
    }

    /** Deletes the dataset with all its rows. */
    @Transactional
    public void delete(AccessScope scope, long datasetId) {
        DatasetSummary dataset = modifiable(scope, datasetId);
        store.delete(datasetId);
        audit.record(scope.username(), "dataset.delete", "Dataset " + datasetId + " '" + dataset.name() + "' ("
                + dataset.rowsImported() + " rows)");
    }

    private DatasetSummary modifiable(AccessScope scope, long datasetId) {
        DatasetSummary dataset = get(scope, datasetId);
        if (!scope.admin() && !scope.username().equals(dataset.owner())) {
            throw new UserFacingException("data.notOwner", dataset.name());
        }
        return dataset;
    }
}
