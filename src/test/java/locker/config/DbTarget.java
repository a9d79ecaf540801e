package locker.config;

import java.util.Objects;

/** The database the test data goes into. {@link #toString()} never shows the password. */
public record DbTarget(String host, int port, String name, String user, String password) {
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

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + name;
    }
}
