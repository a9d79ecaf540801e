package locker.config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/** The database the test data goes into. {@link #toString()} never shows the password. */
public record DbTarget(String host, int port, String name, String user, String password) {
    /** How long a connection attempt may take before the database counts as unreachable. */
    public static final int CONNECT_TIMEOUT_SECONDS = 5;

    public DbTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
    }

    /** The JDBC URL, without credentials. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** A new connection, named {@code applicationName} in {@code pg_stat_activity}. */
    public Connection connect(String applicationName) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + name;
    }
}
