package fr.usinesouvertes.events.survey;

import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.edition.Audience;
import java.time.Instant;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import org.apache.jackrabbit.commons.JcrUtils;

/**
 * Where survey answers are stored: inside a slot's registrations folder, at {@code /registrations/<slot>/survey/
 * <registration>} ({@code oak:Unstructured}: {@code audience}, {@code rating}, {@code recommend}, {@code orientation}?,
 * {@code jobInterest}?, {@code interests}, {@code comment}, {@code answered}), so that a company, granted that folder,
 * reads its own visits' answers and no other's. No name or address is stored with an answer; the edition purge removes
 * the comments (free text may name someone) and keeps the rest, so the aggregates remain.
 */
public final class SurveyAnswers {

    public static final String FOLDER = "survey";

    private SurveyAnswers() {
    }

    /** Writes (or replaces) a registration's answer; the caller saves. */
    public static void write(Session session, String slotId, String registrationId, SurveyAnswer answer, Instant at)
            throws RepositoryException {
        Node folder = JcrUtils.getOrAddNode(SlotBooking.registrationsFolder(session, slotId), FOLDER, "oak:Unstructured");
        if (folder.hasNode(registrationId)) {
            folder.getNode(registrationId).remove();
        }
        Node node = folder.addNode(registrationId, "oak:Unstructured");
        node.setProperty("audience", answer.audience().id());
        node.setProperty("rating", (long) answer.rating());
        node.setProperty("recommend", answer.recommend());
        if (answer.orientation() != null) {
            node.setProperty("orientation", answer.orientation());
        }
        if (answer.jobInterest() != null) {
            node.setProperty("jobInterest", answer.jobInterest());
        }
        node.setProperty("interests", answer.interests().toArray(String[]::new));
        node.setProperty("comment", answer.comment());
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(at.toEpochMilli());
        node.setProperty("answered", calendar);
    }

    /** A registration's answer, read in the caller's session. */
    public static Optional<SurveyAnswer> find(Session session, String slotId, String registrationId)
            throws RepositoryException {
        String path = "/" + SlotBooking.WORKSPACE + "/" + slotId + "/" + FOLDER + "/" + registrationId;
        return session.nodeExists(path) ? Optional.of(read(session.getNode(path))) : Optional.empty();
    }

    /** The answers of a slot, read in the caller's session (a company's sees its own slots' only). */
    public static List<SurveyAnswer> ofSlot(Session session, String slotId) throws RepositoryException {
        List<SurveyAnswer> answers = new ArrayList<>();
        String path = "/" + SlotBooking.WORKSPACE + "/" + slotId + "/" + FOLDER;
        if (session.nodeExists(path)) {
            for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
                answers.add(read(it.nextNode()));
            }
        }
        return answers;
    }

    /** Removes the free comments of a slot's answers (the edition purge); returns how many. */
    public static int purgeComments(Session session, String slotId) throws RepositoryException {
        int purged = 0;
        String path = "/" + SlotBooking.WORKSPACE + "/" + slotId + "/" + FOLDER;
        if (session.nodeExists(path)) {
            for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
                Node answer = it.nextNode();
                if (answer.hasProperty("comment")) {
                    answer.getProperty("comment").remove();
                    purged++;
                }
            }
        }
        return purged;
    }

    private static SurveyAnswer read(Node node) throws RepositoryException {
        Audience audience = Audience.fromId(JcrUtils.getStringProperty(node, "audience", "")).orElse(Audience.PUBLIC);
        List<String> interests = new ArrayList<>();
        if (node.hasProperty("interests")) {
            for (Value value : node.getProperty("interests").getValues()) {
                interests.add(value.getString());
            }
        }
        return new SurveyAnswer(audience, (int) JcrUtils.getLongProperty(node, "rating", 0),
                JcrUtils.getBooleanProperty(node, "recommend", false),
                node.hasProperty("orientation") ? node.getProperty("orientation").getBoolean() : null,
                JcrUtils.getStringProperty(node, "jobInterest", null), interests,
                JcrUtils.getStringProperty(node, "comment", ""));
    }
}
