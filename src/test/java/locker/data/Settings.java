package locker.data;

import locker.config.SettingSource;

/** Whole-number settings, with the setting's name in the error. */
final class Settings {
    private Settings() {}

    static int integer(SettingSource settings, String name, int defaultValue) {
        return Math.toIntExact(whole(settings, name, defaultValue));
    }

    static long whole(SettingSource settings, String name, long defaultValue) {
        return settings.get(name).map(text -> {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, got '" + text + "'");
            }
        }).orElse(defaultValue);
    }
}
