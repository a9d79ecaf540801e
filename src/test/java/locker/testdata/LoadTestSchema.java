package locker.testdata;

import locker.config.DbTarget;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The schema {@code loadtest}, created and versioned by Flyway from {@code db/loadtest} with its own
 * history table {@code loadtest.flyway_schema_history}; nothing of it touches {@code public}.
 */
public final class LoadTestSchema {
    static final String NAME = "loadtest";

    private LoadTestSchema() {}

    public static boolean exists(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT to_regclass('loadtest.runs') IS NOT NULL")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    /** Brings the schema to this version; refuses a schema whose history this code does not know. */
    static void migrate(DbTarget db) {
        try {
            Flyway.configure()
                    .dataSource(db.jdbcUrl(), db.user(), db.password())
                    .schemas(NAME)
                    .defaultSchema(NAME)
                    .createSchemas(true)
                    .table("flyway_schema_history")
                    .locations("classpath:db/loadtest")
                    .cleanDisabled(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new TestDataRefusedException("the " + NAME + " schema cannot be brought to this version: " + e.getMessage());
        }
    }
}
