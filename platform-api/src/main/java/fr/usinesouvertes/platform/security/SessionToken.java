package fr.usinesouvertes.platform.security;

/**
 * What a session cookie says, once its signature is checked.
 *
 * @param id          random session id (revocation records use it)
 * @param login       the account's login
 * @param issuedAt    login instant, epoch ms (absolute expiry counts from here)
 * @param refreshedAt last time the cookie was re-issued, epoch ms (idle expiry counts from here)
 */
public record SessionToken(String id, String login, long issuedAt, long refreshedAt) {
}
