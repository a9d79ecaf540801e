package locker.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where a setting's raw text comes from, first match wins: a JVM system property ({@code -DNAME=...}),
 * an environment variable, then {@code load-test.conf} on the classpath ({@code src/test/resources}).
 */
public final class SettingSource {
    public static final String FILE = "load-test.conf";

    private final Function<String, String> systemProperties;
    private final Map<String, String> environment;
    private final Properties file;

    public SettingSource(Function<String, String> systemProperties, Map<String, String> environment, Properties file) {
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.file = file;
    }

    /** The source of a normal run: this JVM's properties, its environment and the classpath's file. */
    public static SettingSource standard() {
        return new SettingSource(System::getProperty, System.getenv(), loadFile());
    }

    /** This source with {@code name} set to {@code value}, whatever the others say. */
    public SettingSource with(String name, String value) {
        return new SettingSource(n -> n.equals(name) ? value : systemProperties.apply(n), environment, file);
    }

    /** The raw text of a setting, trimmed; empty when no source sets it or it is blank. */
    public Optional<String> get(String name) {
        for (String value : new String[] {systemProperties.apply(name), environment.get(name), file.getProperty(name)}) {
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    private static Properties loadFile() {
        Properties properties = new Properties();
        try (InputStream in = SettingSource.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in != null) {
                properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
        return properties;
    }
}
