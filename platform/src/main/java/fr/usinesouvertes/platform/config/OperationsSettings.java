package fr.usinesouvertes.platform.config;

import java.util.List;

/** Settings of running the platform: the metrics endpoint's token. */
public final class OperationsSettings {

    /** The shortest metrics token accepted: a guessable one would open the metrics to anyone. */
    static final int MIN_TOKEN_LENGTH = 16;

    public static final SettingDefinition<String> METRICS_TOKEN = new SettingDefinition<>("metrics-token",
            "Bearer token of GET /.metrics (Prometheus format), " + MIN_TOKEN_LENGTH + " characters or more, e.g. from "
                    + "'openssl rand -hex 32'; unset, /.metrics answers 404", null, OperationsSettings::token);

    private OperationsSettings() {
    }

    public static List<SettingDefinition<?>> all() {
        return List.of(METRICS_TOKEN);
    }

    static String token(String value) {
        String token = value.trim();
        if (token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("must be " + MIN_TOKEN_LENGTH + " characters or more");
        }
        if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("must be printable ASCII without spaces");
        }
        return token;
    }
}
