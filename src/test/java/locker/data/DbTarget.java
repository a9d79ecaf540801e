package locker.data;

import locker.config.SettingSource;

import java.util.Objects;

/** The database the test data goes into. {@link #toString()} never shows the password. */
public record DbTarget(String host, int port, String name, String user, String password) {
    public DbTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("DB_PORT must be between 1 and 65535, got " + port);
        }
    }

    /** DB_HOST (localhost), DB_PORT (5432), DB_NAME (locker_db), DB_USER (postgres), DB_PASSWORD (empty). */
    public static DbTarget fromSettings(SettingSource settings) {
        return new DbTarget(
                settings.get("DB_HOST").orElse("localhost"),
                Settings.integer(settings, "DB_PORT", 5432),
                settings.get("DB_NAME").orElse("locker_db"),
                settings.get("DB_USER").orElse("postgres"),
                settings.get("DB_PASSWORD").orElse(""));
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
