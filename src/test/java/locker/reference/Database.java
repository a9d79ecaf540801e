package locker.reference;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The server's connection pool and the few JDBC shapes its handlers use. */
final class Database implements AutoCloseable {
    /** Reads one row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource pool;

    Database(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize); // a fixed pool: no connection is opened in the middle of a rush
        config.setConnectionTimeout(10_000);
        config.setPoolName("reference-server");
        config.addDataSourceProperty("prepareThreshold", "1");
        pool = new HikariDataSource(config);
    }

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = pool.getConnection()) {
            return queryOne(c, sql, mapper, params);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    int update(String sql, Object... params) {
        try (Connection c = pool.getConnection()) {
            return update(c, sql, params);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** Runs the work in one transaction; an exception (an {@link ApiError} among them) rolls it back. */
    <T> T inTransaction(TransactionWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    boolean isReachable() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    static <T> Optional<T> queryOne(Connection c, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, params); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, params)) {
            return statement.executeUpdate();
        }
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** A database failure that no handler expects: answered 500. */
    static final class DatabaseException extends RuntimeException {
        final String sqlState;

        DatabaseException(SQLException cause) {
            super(cause.getMessage(), cause);
            this.sqlState = cause.getSQLState();
        }
    }
}
