package com.trendcast.sales;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration 12: {@code sales_rollup_product} loses its foreign key to {@code product} and the index behind it.
 *
 * <p>Its rows are derived from a dataset's daily rows and are deleted with that dataset through their other foreign
 * key, as are the dataset's products, so the key guarded nothing, and no query looks rows up by product. It cost an
 * index entry per rollup row on import and delete (on H2 two: the declared {@code ix_sales_rollup_product_product}
 * and the index H2 makes for every foreign key), and on PostgreSQL a lookup per product deleted. The key was declared
 * without a name, so its generated name (which differs between H2 and PostgreSQL) is looked up, hence a Java
 * migration.
 */
@Component
class ProductRollupWithoutProductKey implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("12");
    }

    @Override
    public String getDescription() {
        return "product rollup without product key";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            for (String name : productKeys(connection)) {
                statement.execute("alter table sales_rollup_product drop constraint \"" + name + "\"");
            }
            statement.execute("drop index if exists ix_sales_rollup_product_product");
        }
    }

    private static List<String> productKeys(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select tc.constraint_name"
                + " from information_schema.table_constraints tc"
                + " join information_schema.key_column_usage k on k.constraint_schema = tc.constraint_schema"
                + " and k.constraint_name = tc.constraint_name and k.table_name = tc.table_name"
                + " where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema"
                + " and lower(tc.table_name) = 'sales_rollup_product' and lower(k.column_name) = 'product_id'")) {
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }
}
