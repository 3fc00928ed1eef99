package fr.usinesouvertes.platform.repository;

import org.apache.jackrabbit.oak.spi.security.ConfigurationParameters;
import org.apache.jackrabbit.oak.spi.security.user.UserConstants;

/** How Oak hashes account passwords: PBKDF2 with HMAC-SHA-256 and a random salt (Oak's default is salted SHA-256). */
public final class PasswordHashing {

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final int ITERATIONS = 20_000;
    static final int SALT_SIZE = 16;

    private PasswordHashing() {
    }

    /** The user-configuration parameters that make Oak hash this way. */
    public static ConfigurationParameters parameters() {
        return ConfigurationParameters.of(java.util.Map.of(
                UserConstants.PARAM_PASSWORD_HASH_ALGORITHM, ALGORITHM,
                UserConstants.PARAM_PASSWORD_HASH_ITERATIONS, ITERATIONS,
                UserConstants.PARAM_PASSWORD_SALT_SIZE, SALT_SIZE));
    }
}
