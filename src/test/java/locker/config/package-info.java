/**
 * The settings of every tool: {@link locker.config.Settings} declares each setting once with its default, rule and
 * meaning; {@link locker.config.LoadTestConfig} reads them through {@link locker.config.SettingReader} from system
 * properties, the environment and load-test.conf ({@link locker.config.SettingSource}); a bad value is a
 * {@link locker.config.ConfigException} naming it. Also what the settings make: the targets ({@link locker.config.DbTarget},
 * {@link locker.config.RedisTarget}), the seed plan and the load profile. The load test, the test data and the
 * benchmark read their settings here. A new setting is declared in Settings and read in LoadTestConfig; its row of
 * README.md's settings table is rendered from the declaration (LoadTestConfigTest compares them).
 */
package locker.config;
