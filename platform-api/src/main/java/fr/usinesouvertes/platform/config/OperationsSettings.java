package fr.usinesouvertes.platform.config;

import java.util.List;

/** Settings of running the platform: the metrics endpoint's token, the log format, the access log, the drain on stop. */
public final class OperationsSettings {

    /** How log lines are written on the console. */
    public enum LogFormat { TEXT, JSON }

    /** The shortest metrics token accepted: a guessable one would open the metrics to anyone. */
    static final int MIN_TOKEN_LENGTH = 16;

    public static final SettingDefinition<String> METRICS_TOKEN = new SettingDefinition<>("metrics-token",
            "Bearer token of GET /.metrics (Prometheus format), " + MIN_TOKEN_LENGTH + " characters or more, e.g. from "
                    + "'openssl rand -hex 32'; unset, /.metrics answers 404", null, OperationsSettings::token);

    public static final SettingDefinition<LogFormat> LOG_FORMAT = new SettingDefinition<>("log-format",
            "Console log lines: text (date, level, request id, logger, message) or json (one JSON object a line, "
                    + "for log collectors)", "text", OperationsSettings::logFormat);

    public static final SettingDefinition<Boolean> ACCESS_LOG = SettingDefinition.flag("access-log",
            "One log line per HTTP request (method, path without the query string, status, duration, bytes, "
                    + "request id), on the logger 'access'", "false");

    public static final SettingDefinition<Integer> SHUTDOWN_DRAIN = SettingDefinition.integer("shutdown-drain",
            "Seconds a stopping node keeps serving while /.health/ready answers 503, so that a load balancer routing on "
                    + "it takes the node out before its server stops; 0 stops at once", "0", 0, 300);

    private OperationsSettings() {
    }

    public static List<SettingDefinition<?>> all() {
        return List.of(METRICS_TOKEN, LOG_FORMAT, ACCESS_LOG, SHUTDOWN_DRAIN);
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

    static LogFormat logFormat(String value) {
        return switch (value.trim()) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw new IllegalArgumentException("'" + value + "' is not text or json");
        };
    }
}
