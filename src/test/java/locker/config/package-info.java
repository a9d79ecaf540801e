/**
 * The settings of every tool: {@link locker.config.LoadTestConfig} names each setting with its default, range and
 * meaning, read through {@link locker.config.SettingReader} from system properties, the environment and
 * load-test.conf ({@link locker.config.SettingSource}); a bad value is a {@link locker.config.ConfigException}
 * naming it. Also what the settings make: the targets ({@link locker.config.DbTarget},
 * {@link locker.config.RedisTarget}), the seed plan and the load profile. The load test, the test data and the
 * benchmark read their settings here. A new setting goes into LoadTestConfig with its check, and into the settings
 * table of README.md.
 */
package locker.config;
