package fr.usinesouvertes.events.schools;

import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.jcr.Node;
import org.apache.jackrabbit.commons.JcrUtils;

/**
 * The proposal e-mail's subject and body, in French, edited by the organisers in the back office and kept at
 * {@value #PATH}; until they edit it, a default. Placeholders, replaced for each school: {@code {ecole}}, {@code
 * {commune}}, {@code {usine}}, {@code {minutes}} (the estimated travel time), {@code {creneaux}} (the proposed slots,
 * one a line) and {@code {lien}} (the link to the pre-filled form). The link to register and the link to decline are
 * added below the body in every e-mail, whatever the text says.
 */
public final class ProposalText {

    static final String PATH = "/" + SchoolDirectory.WORKSPACE + "/proposal-text";
    /** The placeholders a text may use. */
    public static final List<String> PLACEHOLDERS = List.of("ecole", "commune", "usine", "minutes", "creneaux", "lien");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)}");
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 8_000;

    /** The text as stored. */
    public record Text(String subject, String body) {
    }

    public static final Text DEFAULT = new Text("Journées Usines Ouvertes : une visite d'usine pour vos élèves",
            """
            Madame, Monsieur,

            Dans le cadre des Journées Usines Ouvertes, l'usine {usine}, à environ {minutes} minutes de {ecole} \
            ({commune}), accueille des groupes scolaires :
            {creneaux}

            La visite est gratuite ; une aide au financement du transport peut être demandée dans le formulaire \
            d'inscription, déjà rempli avec le nom de votre établissement :
            {lien}

            L'équipe des Journées Usines Ouvertes""");

    private final ContentRepository repository;

    public ProposalText(ContentRepository repository) {
        this.repository = repository;
    }

    /** The organisers' text, or the default. */
    public Text current() {
        return repository.read(session -> {
            if (!session.nodeExists(PATH)) {
                return DEFAULT;
            }
            Node node = session.getNode(PATH);
            return new Text(JcrUtils.getStringProperty(node, "subject", DEFAULT.subject()),
                    JcrUtils.getStringProperty(node, "body", DEFAULT.body()));
        });
    }

    /** The problems of a text, by field ({@code subject}, {@code body}), in {@code m}'s language; empty when it may be saved. */
    public static Map<String, String> problems(String subject, String body, Messages m) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (subject == null || subject.isBlank()) {
            problems.put("subject", m.text("schools.error.subject"));
        } else if (subject.strip().length() > MAX_SUBJECT || subject.contains("\n")) {
            problems.put("subject", m.format("schools.error.subjectLength", MAX_SUBJECT));
        }
        if (body == null || body.isBlank()) {
            problems.put("body", m.text("schools.error.body"));
        } else if (body.length() > MAX_BODY) {
            problems.put("body", m.format("schools.error.bodyLength", MAX_BODY));
        } else {
            List<String> unknown = new ArrayList<>();
            Matcher matcher = PLACEHOLDER.matcher(body + (subject == null ? "" : subject));
            while (matcher.find()) {
                if (!PLACEHOLDERS.contains(matcher.group(1))) {
                    unknown.add(matcher.group());
                }
            }
            if (!unknown.isEmpty()) {
                problems.put("body", m.format("schools.error.placeholders", String.join(", ", unknown),
                        "{" + String.join("}, {", PLACEHOLDERS) + "}"));
            }
        }
        return problems;
    }

    /** Saves a text {@link #problems} accepted. */
    public void save(String subject, String body, String by) {
        repository.write(session -> {
            Node node = JcrUtils.getOrCreateByPath(PATH, "oak:Unstructured", "oak:Unstructured", session, false);
            node.setProperty("subject", subject.strip());
            node.setProperty("body", body.strip().replace("\r\n", "\n"));
            node.setProperty("editedBy", by);
            return null;
        });
    }

    /** {@code text} with each placeholder replaced by its value (an unknown one is left as it is). */
    public static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
