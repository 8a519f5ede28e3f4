package com.trendcast.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** What the database's information schema says about a table, in lower case, on H2 and PostgreSQL alike. */
public final class SchemaFacts {

    private SchemaFacts() {
    }

    /** The columns of the table's foreign keys. */
    public static List<String> foreignKeyColumns(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList("select lower(k.column_name) from information_schema.table_constraints tc"
                + " join information_schema.key_column_usage k on k.constraint_schema = tc.constraint_schema"
                + " and k.constraint_name = tc.constraint_name and k.table_name = tc.table_name"
                + " where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema"
                + " and lower(tc.table_name) = ? order by 1", String.class, table);
    }
}
