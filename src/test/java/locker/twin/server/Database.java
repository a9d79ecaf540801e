package locker.twin.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The server's connection pool and the few JDBC shapes its handlers use. As with the deployed pgxpool, each statement
 * outside a transaction takes a connection for itself and gives it back at once, and a
 * request waits for one of the pool's connections as long as it takes, in arrival order; only making a new
 * connection has a time limit ({@link #CONNECT_TIMEOUT_MILLIS}), so with the database down a request fails
 * instead of waiting for ever.
 */
final class Database implements AutoCloseable {
    /** Reads one row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** How long getting a connection may take once this request is first in line: only a reconnect waits. */
    static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final HikariDataSource pool;
    /**
     * One place per pooled connection, taken in the order asked: whoever holds one finds a connection in the pool or
     * being remade.
     */
    private final Semaphore inLine;

    Database(String jdbcUrl, String user, String password, int poolSize) {
        inLine = new Semaphore(poolSize, true);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize); // a fixed pool: no connection is opened in the middle of a rush
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        config.setPoolName("reference-server");
        config.addDataSourceProperty("prepareThreshold", "1");
        // reads that wait for PostgreSQL give the thread's turn back
        config.addDataSourceProperty("socketFactory", TurnReleasingSocket.Factory.class.getName());
        pool = new HikariDataSource(config);
    }

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = connection()) {
            return queryOne(c, sql, mapper, params);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    <T> List<T> queryAll(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = connection();
             PreparedStatement statement = prepare(c, sql, params);
             ResultSet rows = statement.executeQuery()) {
            List<T> all = new ArrayList<>();
            while (rows.next()) {
                all.add(mapper.map(rows));
            }
            return all;
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    int update(String sql, Object... params) {
        try (Connection c = connection()) {
            return update(c, sql, params);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /**
     * A transaction opened as the deployed server's pgx opens one: {@code BEGIN} is a round trip of its own, and so
     * is {@code COMMIT}. The connection stays taken until the transaction is closed.
     */
    Transaction begin() throws SQLException {
        Connection c = connection();
        try {
            execute(c, "BEGIN");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new Transaction(c);
    }

    /** One open transaction; closing it uncommitted rolls it back (another round trip) and gives the connection back. */
    static final class Transaction implements AutoCloseable {
        final Connection connection;
        private boolean ended;

        private Transaction(Connection connection) {
            this.connection = connection;
        }

        void commit() throws SQLException {
            ended = true;
            execute(connection, "COMMIT");
        }

        @Override
        public void close() {
            try {
                if (!ended) {
                    execute(connection, "ROLLBACK");
                }
            } catch (SQLException e) {
                // the connection is broken; the pool replaces it
            } finally {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // already given back
                }
            }
        }
    }

    private static void execute(Connection c, String command) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(command);
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

    /**
     * A connection of the pool, after waiting in line for one (without a turn to run, {@link CoreTurns}); closing it
     * gives both the connection and the place in line back.
     */
    Connection connection() throws SQLException {
        Connection pooled = CoreTurns.waiting(() -> {
            inLine.acquireUninterruptibly();
            try {
                return pool.getConnection();
            } catch (SQLException | RuntimeException e) {
                inLine.release();
                throw e;
            }
        });
        AtomicBoolean closed = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        if (closed.compareAndSet(false, true)) {
                            try {
                                pooled.close();
                            } finally {
                                inLine.release();
                            }
                        }
                        return null;
                    }
                    try {
                        return method.invoke(pooled, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        for (Object param : params) {
            if (param instanceof CheckedParameter checked) {
                checked.check();
            }
        }
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof CheckedParameter checked) {
                checked.bind(statement, i + 1);
            } else {
                statement.setObject(i + 1, params[i]);
            }
        }
        return statement;
    }

    /**
     * A parameter the deployed server's driver or PostgreSQL refuses before the statement runs: every one is checked
     * before the statement is prepared, so a refused one fails it without a round trip.
     */
    sealed interface CheckedParameter permits Int4, Utf8Text {
        void check() throws SQLException;

        void bind(PreparedStatement statement, int index) throws SQLException;
    }

    /**
     * A parameter bound to an {@code integer} column. Like the deployed server's driver (pgx), which encodes a
     * Go int into the statement's int4 parameter, a value beyond int4 fails the statement before it is sent.
     */
    record Int4(long value) implements CheckedParameter {
        @Override
        public void check() throws SQLException {
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new SQLException(value + " is greater than maximum value for int4", "22003");
            }
        }

        @Override
        public void bind(PreparedStatement statement, int index) throws SQLException {
            statement.setInt(index, (int) value);
        }
    }

    /**
     * A text parameter given as the bytes it came in (one character per byte). The deployed server's driver sends a
     * Go string's bytes as they are, and PostgreSQL refuses bytes that are not UTF-8, or a NUL byte: the statement
     * fails.
     */
    record Utf8Text(String latin1) implements CheckedParameter {
        @Override
        public void check() throws SQLException {
            if (!GoText.isUtf8(latin1) || latin1.indexOf('\0') >= 0) {
                throw new SQLException("invalid byte sequence for encoding \"UTF8\"", "22021");
            }
        }

        @Override
        public void bind(PreparedStatement statement, int index) throws SQLException {
            statement.setString(index, GoText.asUtf8(latin1));
        }
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
