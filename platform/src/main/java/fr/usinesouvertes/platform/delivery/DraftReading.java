package fr.usinesouvertes.platform.delivery;

import fr.usinesouvertes.platform.http.ApiException;
import fr.usinesouvertes.platform.http.CacheControl;
import fr.usinesouvertes.platform.publishing.ContentStage;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.SessionWork;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.PreviewTokens;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which copy a Delivery API request reads: the published one, or the drafts when the request carries a valid
 * {@value PreviewTokens#PARAMETER} token — a front end shown in the page editor, whose calls repeat the frame's query
 * string. Drafts are read as the token's account (its repository permissions apply), never cached, and answered
 * {@code private, no-store}; a draft marked for deletion is not shown.
 */
final class DraftReading {

    /** Nobody reads drafts (no token verifier): the tests' and tools' Delivery API. */
    static final DraftReading NONE = new DraftReading(token -> Optional.empty());

    private final Function<String, Optional<Account>> tokens;

    DraftReading(Function<String, Optional<Account>> tokens) {
        this.tokens = tokens;
    }

    /**
     * The login whose drafts the request reads; empty without a token; 401 {@code previewTokenInvalid} for a token
     * that is forged, expired or revoked (the front end must not silently show the published page instead).
     */
    Optional<String> reader(Map<String, List<String>> parameters) {
        List<String> values = parameters.get(PreviewTokens.PARAMETER);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(tokens.apply(values.get(0)).map(Account::login).orElseThrow(() -> new ApiException(
                Response.Status.UNAUTHORIZED, "previewTokenInvalid", PreviewTokens.PARAMETER
                + ": the preview token is invalid or has expired; open the page in the page editor again")));
    }

    /** Runs {@code work} in a session of the public copy, or of the drafts as {@code reader}. */
    static <T> T read(ContentRepository repository, Optional<String> reader, SessionWork<T> work) {
        return reader.isPresent() ? repository.readAs(reader.get(), work) : repository.read(work);
    }

    static ContentStage stage(Optional<String> reader) {
        return reader.isPresent() ? ContentStage.DRAFT : ContentStage.PUBLIC;
    }

    /** {@code visibility}, without the drafts marked for deletion when reading drafts. */
    static DeliveryVisibility visibility(Optional<String> reader, DeliveryVisibility visibility) {
        return reader.isEmpty() ? visibility : node -> !node.isNodeType("mgnl:deleted") && visibility.isVisible(node);
    }

    /** The answer, kept out of every shared cache when it shows drafts. */
    static Response answer(Optional<String> reader, Response response) {
        if (reader.isEmpty()) {
            return response;
        }
        return Response.fromResponse(response).header("Cache-Control", null)
                .header("Cache-Control", CacheControl.PRIVATE).build();
    }
}
