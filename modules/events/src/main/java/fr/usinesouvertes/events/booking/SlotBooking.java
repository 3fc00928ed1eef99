package fr.usinesouvertes.events.booking;

import fr.usinesouvertes.platform.repository.NodesByIdentifier;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Session;

/**
 * Books persons on time slots without ever exceeding a slot's capacity, under any concurrency, and
 * keeps each slot's waiting list in order.
 *
 * <p>Each booking or cancellation updates the slot's counters (see {@link SlotLedger}, kept on the slot's
 * registrations folder) and the registration in the same commit. Within this process, concurrent bookings
 * are saved together by a {@link GroupCommitter}, one after the other on one session, which spares them
 * needless conflicts and shares the commit's cost; bookings from other cluster nodes are serialised by
 * Oak's conflict detection and retried.
 *
 * <p>Registrations live in the private {@value #WORKSPACE} workspace, one folder per slot, one node per
 * submission, named after the submission key so that a double submit finds the first one.
 */
public final class SlotBooking {

    public static final String WORKSPACE = "registrations";
    static final String STATUS = "status";
    static final String PERSONS = "persons";
    static final String SLOT = "slot";
    static final String WAIT_SEQUENCE = "waitSequence";
    /** A registration's number in its slot, 1 for the first booked: see {@link BookingOrder}. */
    static final String BOOKING_NUMBER = "bookingNumber";
    /** On a slot: {@code true} once its visit is cancelled (see {@link #isCancelled}). */
    public static final String CANCELLED_FLAG = "cancelled";
    /** On a registration cancelled with its visit: the reason the company or the organisers gave. */
    public static final String CANCELLATION_REASON = "cancellationReason";

    private final ContentRepository repository;
    private final Clock clock;
    private final java.util.TimeZone stampZone;
    private final GroupCommitter committer;

    public SlotBooking(ContentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.stampZone = java.util.TimeZone.getTimeZone(clock.getZone());
        this.committer = new GroupCommitter(repository);
        repository.write(session -> {
            repository.workspaces().ensureRoots(session, List.of(WORKSPACE));
            return null;
        });
    }

    /** Confirms the request if it fits, else puts it on the waiting list; a repeated submission returns the first outcome. */
    public BookingOutcome book(BookingRequest request) {
        return committer.commit(request.slotId(), session -> bookOnce(session, request));
    }

    /**
     * Cancels a registration, frees its seats and confirms the first waiting registrations that now fit,
     * in waiting-list order.
     *
     * @return identifiers of the registrations promoted from the waiting list (to be told by e-mail)
     */
    public List<String> cancel(String registrationId) {
        return cancel(registrationId, (session, promoted) -> { });
    }

    /**
     * Cancels like {@link #cancel(String)}, and lets {@code followUp} write in the same commit what must
     * follow (the queued e-mails); it is not called when the registration was already cancelled.
     */
    public List<String> cancel(String registrationId, CancellationFollowUp followUp) {
        String slotId = repository.read(session -> registration(session, registrationId).getProperty(SLOT).getString());
        return committer.commit(slotId, session -> {
            List<String> promoted = cancelOnce(session, registrationId);
            if (promoted != null) {
                followUp.write(session, promoted);
            }
            return promoted == null ? List.<String>of() : promoted;
        });
    }

    /** Writes what must follow a cancellation, inside its commit. */
    @FunctionalInterface
    public interface CancellationFollowUp {
        /** @param promoted registrations confirmed from the waiting list by this cancellation */
        void write(Session session, List<String> promoted) throws javax.jcr.RepositoryException;
    }

    /** On a registration: its calendar event's SEQUENCE, 1 more at each change (none before the first). */
    public static final String CALENDAR_SEQUENCE = "calendarSequence";

    /**
     * Changes a registration's head count and/or moves it to another slot, in one commit that stamps the ledger of
     * every slot it touches (see {@link SlotLedger}): any concurrent booking, cancellation or change of those slots,
     * on this node or another, conflicts with it and is retried, so no slot is ever overbooked.
     *
     * <ul>
     *   <li>Same slot, confirmed: an increase must fit in the places left, else {@link BookingChangeRefusedException}
     *   ({@code NOT_ENOUGH_PLACES}, naming them); a reduction frees places and promotes the waiting list.</li>
     *   <li>Same slot, waitlisted: the head count changes, the position is kept; if it now fits, it is confirmed
     *   (the waiting list is promoted in its order, as after a cancellation).</li>
     *   <li>Another slot: the persons must fit in the target's places left (a move never goes to a waiting list);
     *   the registration, confirmed there, leaves its slot, whose waiting list is promoted. It keeps its identifier
     *   (and so its signed links).</li>
     *   <li>The same slot and head count, with {@code details} writing nothing new: nothing is written, nothing
     *   follows ({@code changed == false}).</li>
     * </ul>
     * Each change adds 1 to the registration's {@value #CALENDAR_SEQUENCE}.
     *
     * @param persons      seats the registration should hold
     * @param targetSlotId the slot it should be on
     * @param details      writes the registrant's other changed fields (e.g. a school's pupils and adults) and says
     *                     whether it changed any
     * @param followUp     writes, in the same commit, what must follow (the queued e-mails); not called when nothing changed
     * @throws BookingChangeRefusedException before anything is written: cancelled, or not enough places
     * @throws SlotCancelledException        when the registration's slot or the target belongs to a cancelled visit
     */
    public BookingChange change(String registrationId, int persons, String targetSlotId, ChangeDetails details,
                                ChangeFollowUp followUp) {
        if (persons < 1) {
            throw new IllegalArgumentException("persons must be at least 1");
        }
        return committer.commit(targetSlotId, session -> changeOnce(session, registrationId, persons, targetSlotId,
                details, followUp));
    }

    /** Writes a registration's other changed fields inside the change's commit. */
    @FunctionalInterface
    public interface ChangeDetails {
        /** @return whether any field changed */
        boolean writeTo(Node registration) throws javax.jcr.RepositoryException;
    }

    /** Writes what must follow a change, inside its commit. */
    @FunctionalInterface
    public interface ChangeFollowUp {
        void write(Session session, BookingChange change) throws javax.jcr.RepositoryException;
    }

    private BookingChange changeOnce(Session session, String registrationId, int persons, String targetSlotId,
                                     ChangeDetails details, ChangeFollowUp followUp) throws javax.jcr.RepositoryException {
        Node registration = registration(session, registrationId);
        RegistrationStatus status = RegistrationStatus.of(registration);
        if (status == RegistrationStatus.CANCELLED) {
            throw new BookingChangeRefusedException(BookingChangeRefusedException.Reason.CANCELLED, 0);
        }
        String sourceId = registration.getProperty(SLOT).getString();
        Node source = slot(session, sourceId);
        if (isCancelled(source)) {
            throw new SlotCancelledException(sourceId);
        }
        Node sourceFolder = registration.getParent();
        SlotLedger sourceLedger = new SlotLedger(source, sourceFolder);
        long held = registration.getProperty(PERSONS).getLong();
        boolean confirmed = status == RegistrationStatus.CONFIRMED;
        if (targetSlotId.equals(sourceId)) {
            if (confirmed && persons > held && !sourceLedger.fits(persons - held)) {
                throw new BookingChangeRefusedException(BookingChangeRefusedException.Reason.NOT_ENOUGH_PLACES,
                        sourceLedger.placesLeft());
            }
            boolean detailsChanged = details.writeTo(registration);
            if (persons == held && !detailsChanged) {
                BookingOutcome now = outcomeOf(registration);
                return new BookingChange(false, now.status(), sourceId, now.position(), List.of());
            }
            registration.setProperty(PERSONS, (long) persons);
            if (confirmed) {
                sourceLedger.addBooked(persons - held);
            }
            List<String> promoted = persons < held || !confirmed ? promoteWaiting(sourceFolder, sourceLedger, now()) : List.of();
            sourceLedger.stamp();
            return changed(session, registration, sourceId, promoted, followUp);
        }
        Node target = slot(session, targetSlotId);
        if (isCancelled(target)) {
            throw new SlotCancelledException(targetSlotId);
        }
        Node targetFolder = registrationsFolder(session, targetSlotId);
        SlotLedger targetLedger = new SlotLedger(target, targetFolder);
        if (!targetLedger.fits(persons)) {
            throw new BookingChangeRefusedException(BookingChangeRefusedException.Reason.NOT_ENOUGH_PLACES,
                    targetLedger.placesLeft());
        }
        details.writeTo(registration);
        if (confirmed) {
            sourceLedger.addBooked(-held);
        } else {
            sourceLedger.removeWaiting();
        }
        String name = registration.getName();
        while (targetFolder.hasNode(name)) {
            name = registration.getName() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        }
        String path = targetFolder.getPath() + "/" + name;
        session.move(registration.getPath(), path);
        Node moved = session.getNode(path);
        NodesByIdentifier.remember(session, registrationId, path);
        moved.setProperty(SLOT, targetSlotId);
        moved.setProperty(PERSONS, (long) persons);
        RegistrationStatus.CONFIRMED.set(moved);
        if (moved.hasProperty(WAIT_SEQUENCE)) {
            moved.getProperty(WAIT_SEQUENCE).remove();
        }
        moved.setProperty(BOOKING_NUMBER, targetLedger.nextBookingNumber());
        targetLedger.addBooked(persons);
        List<String> promoted = promoteWaiting(sourceFolder, sourceLedger, now());
        sourceLedger.stamp();
        targetLedger.stamp();
        return changed(session, moved, targetSlotId, promoted, followUp);
    }

    private BookingChange changed(Session session, Node registration, String slotId, List<String> promoted,
                                  ChangeFollowUp followUp) throws javax.jcr.RepositoryException {
        long sequence = registration.hasProperty(CALENDAR_SEQUENCE) ? registration.getProperty(CALENDAR_SEQUENCE).getLong() : 0;
        registration.setProperty(CALENDAR_SEQUENCE, sequence + 1);
        registration.setProperty("changed", now());
        List<String> others = new ArrayList<>(promoted);
        others.remove(registration.getIdentifier()); // its own e-mail tells it is confirmed now
        BookingOutcome now = outcomeOf(registration);
        BookingChange change = new BookingChange(true, now.status(), slotId, now.position(), others);
        followUp.write(session, change);
        return change;
    }

    /**
     * Where a registration stands now: confirmed, or waitlisted at its current position.
     *
     * @throws RegistrationNotFoundException when there is no such registration, or it was cancelled
     */
    public BookingOutcome outcome(String registrationId) {
        return repository.read(session -> {
            Node registration = registration(session, registrationId);
            if (RegistrationStatus.CANCELLED.is(registration)) {
                throw new RegistrationNotFoundException(registrationId);
            }
            return outcomeOf(registration);
        });
    }

    /** Seats still free on a slot. */
    public long placesLeft(String slotId) {
        return repository.read(session -> SlotCounts.of(session, slot(session, slotId)).placesLeft());
    }

    private BookingOutcome bookOnce(Session session, BookingRequest request) throws javax.jcr.RepositoryException {
        Node slot = slot(session, request.slotId());
        Node folder = registrationsFolder(session, request.slotId());
        String name = nodeName(request.submissionKey());
        if (folder.hasNode(name)) {
            return outcomeOf(folder.getNode(name)).asRepeat();
        }
        if (isCancelled(slot)) {
            // read in this commit: a booking racing the visit's cancellation conflicts with it (both stamp the
            // ledger), is retried, and lands here
            throw new SlotCancelledException(request.slotId());
        }
        SlotLedger ledger = new SlotLedger(slot, folder);
        Node registration = folder.addNode(name, "mgnl:contentNode");
        // Its e-mail is composed right after the commit, looking it up by id: spare that lookup a query.
        NodesByIdentifier.remember(session, registration.getIdentifier(), registration.getPath());
        registration.setProperty(SLOT, request.slotId());
        registration.setProperty(PERSONS, (long) request.persons());
        registration.setProperty("created", now());
        registration.setProperty(BOOKING_NUMBER, ledger.nextBookingNumber());
        request.details().writeTo(registration);
        BookingOutcome outcome;
        if (ledger.fits(request.persons())) {
            ledger.addBooked(request.persons());
            RegistrationStatus.CONFIRMED.set(registration);
            outcome = new BookingOutcome(RegistrationStatus.CONFIRMED, registration.getIdentifier(), null);
        } else {
            registration.setProperty(WAIT_SEQUENCE, ledger.enqueueWaiting());
            RegistrationStatus.WAITLISTED.set(registration);
            outcome = new BookingOutcome(RegistrationStatus.WAITLISTED, registration.getIdentifier(),
                    (int) ledger.waiting());
        }
        ledger.stamp();
        request.followUp().write(session, outcome);
        return outcome;
    }

    /** @return the promoted registrations, or {@code null} when it was already cancelled */
    private List<String> cancelOnce(Session session, String registrationId) throws javax.jcr.RepositoryException {
        Node registration = registration(session, registrationId);
        RegistrationStatus status = RegistrationStatus.of(registration);
        if (status == RegistrationStatus.CANCELLED) {
            return null;
        }
        String slotId = registration.getProperty(SLOT).getString();
        SlotLedger ledger = new SlotLedger(slot(session, slotId), registration.getParent());
        if (status == RegistrationStatus.CONFIRMED) {
            ledger.addBooked(-registration.getProperty(PERSONS).getLong());
        } else {
            ledger.removeWaiting();
        }
        RegistrationStatus.CANCELLED.set(registration);
        registration.setProperty("cancelled", now());
        List<String> promoted = promoteWaiting(registration.getParent(), ledger, now());
        ledger.stamp();
        return promoted;
    }

    /**
     * The slot's current ledger stamp: rewritten by every commit that books, changes or cancels one of its registrations
     * (or cancels the slot), so a reader can tell that the slot's registrations are as it last read them; {@code null}
     * when the slot has no registrations yet.
     */
    public static String ledgerStamp(Session session, String slotId) throws javax.jcr.RepositoryException {
        String path = "/" + WORKSPACE + "/" + slotId;
        if (!session.nodeExists(path)) {
            return null;
        }
        Node folder = session.getNode(path);
        return folder.hasProperty(SlotLedger.TOKEN) ? folder.getProperty(SlotLedger.TOKEN).getString() : null;
    }

    /**
     * Whether the slot's visit is cancelled: the slot itself ({@code cancelled}) or its whole event sheet
     * (status {@code cancelled}).
     */
    public static boolean isCancelled(Node slot) throws javax.jcr.RepositoryException {
        if (slot.hasProperty(CANCELLED_FLAG) && slot.getProperty(CANCELLED_FLAG).getBoolean()) {
            return true;
        }
        Node sheet = slot.getParent().getParent();
        return sheet.hasProperty(STATUS) && "cancelled".equals(sheet.getProperty(STATUS).getString());
    }

    /**
     * Cancels every confirmed and waiting registration of a slot whose visit is cancelled, within the
     * caller's session (the caller saves it with the cancellation of the visit and the queued e-mails):
     * each gets status {@code cancelled}, the time and the reason; the slot's counters go to zero. Nobody is
     * promoted.
     *
     * @return the registrations cancelled now (none when the slot had none, or they were cancelled already)
     */
    public static List<CancelledRegistration> cancelEveryRegistration(Session session, Node slot, String reason, Calendar when)
            throws javax.jcr.RepositoryException {
        // The folder is created, and its ledger stamped, even for a slot nobody booked yet: a first booking
        // racing this commit creates the same folder, so the two conflict and the booking, retried, is refused.
        Node folder = registrationsFolder(session, slot.getIdentifier());
        List<Node> registrations = active(folder);
        List<CancelledRegistration> cancelled = withWaitingPositions(registrations);
        for (Node registration : registrations) {
            RegistrationStatus.CANCELLED.set(registration);
            registration.setProperty("cancelled", when);
            registration.setProperty(CANCELLATION_REASON, reason);
            registration.setProperty("cancelledWithVisit", true);
        }
        SlotLedger ledger = new SlotLedger(slot, folder);
        ledger.clear();
        ledger.stamp();
        return cancelled;
    }

    /**
     * Sets a slot's capacity within the caller's session (an approved change of its sheet; the caller saves): refused
     * below the persons already confirmed; a raised capacity confirms the first waiting registrations that now fit, in
     * waiting-list order, as a cancellation would. Stamps the slot's ledger, so a booking racing this commit conflicts
     * with it and is retried against the new capacity.
     *
     * @return the registrations promoted from the waiting list (to be told by e-mail)
     * @throws IllegalStateException when the capacity is below the persons confirmed
     */
    public static List<String> changeCapacity(Session session, Node slot, long capacity, Calendar when)
            throws javax.jcr.RepositoryException {
        Node folder = registrationsFolder(session, slot.getIdentifier());
        SlotLedger ledger = new SlotLedger(slot, folder);
        if (capacity < ledger.booked()) {
            throw new IllegalStateException("Capacity " + capacity + " is below the " + ledger.booked() + " persons confirmed");
        }
        slot.setProperty(SlotLedger.CAPACITY, capacity);
        List<String> promoted = promoteWaiting(folder, ledger, when);
        ledger.stamp();
        return promoted;
    }

    /**
     * Makes the caller's commit conflict with any booking of the slot committed meanwhile (an approved change that
     * reads the slot's registrations to tell them): the booking is retried after it, or it is retried itself.
     */
    public static void stampLedger(Session session, Node slot) throws javax.jcr.RepositoryException {
        new SlotLedger(slot, registrationsFolder(session, slot.getIdentifier())).stamp();
    }

    /**
     * The confirmed and waiting registrations of a slot, in booking order, each with its place on the waiting list
     * (1-based) when it waits.
     */
    public static List<CancelledRegistration> activeRegistrations(Session session, Node slot) throws javax.jcr.RepositoryException {
        String path = "/" + WORKSPACE + "/" + slot.getIdentifier();
        return session.nodeExists(path) ? withWaitingPositions(active(session.getNode(path))) : List.of();
    }

    /** The confirmed and waiting registrations in a slot's folder, in booking order. */
    private static List<Node> active(Node folder) throws javax.jcr.RepositoryException {
        List<Node> registrations = new ArrayList<>();
        for (NodeIterator it = folder.getNodes(); it.hasNext(); ) {
            Node registration = it.nextNode();
            if (registration.hasProperty(STATUS)) { // the folder may hold a company's access policy
                RegistrationStatus status = RegistrationStatus.of(registration);
                if (status == RegistrationStatus.CONFIRMED || status == RegistrationStatus.WAITLISTED) {
                    registrations.add(registration);
                }
            }
        }
        registrations.sort(BookingOrder.REGISTRATIONS);
        return registrations;
    }

    /** Each registration with its place on the waiting list (1-based, in waiting order) when it waits. */
    private static List<CancelledRegistration> withWaitingPositions(List<Node> registrations)
            throws javax.jcr.RepositoryException {
        List<Node> waiting = new ArrayList<>(registrations.stream().filter(SlotBooking::isWaiting).toList());
        waiting.sort((a, b) -> Long.compare(sequence(a), sequence(b)));
        List<CancelledRegistration> positioned = new ArrayList<>();
        for (Node registration : registrations) {
            int index = waiting.indexOf(registration);
            positioned.add(new CancelledRegistration(registration.getIdentifier(), index < 0 ? null : index + 1));
        }
        return positioned;
    }

    /**
     * A registration cancelled with its visit (or, from {@link #activeRegistrations}, one still active).
     *
     * @param waitingPosition its place on the waiting list (1-based) if it was waiting, else {@code null}
     */
    public record CancelledRegistration(String id, Integer waitingPosition) {
    }

    private static boolean isWaiting(Node registration) {
        try {
            return RegistrationStatus.WAITLISTED.is(registration);
        } catch (javax.jcr.RepositoryException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> promoteWaiting(Node folder, SlotLedger ledger, Calendar when) throws javax.jcr.RepositoryException {
        List<Node> waiting = new ArrayList<>();
        for (NodeIterator it = folder.getNodes(); it.hasNext(); ) {
            Node candidate = it.nextNode();
            if (RegistrationStatus.WAITLISTED.is(candidate)) {
                waiting.add(candidate);
            }
        }
        waiting.sort((a, b) -> Long.compare(sequence(a), sequence(b)));
        List<String> promoted = new ArrayList<>();
        for (Node candidate : waiting) {
            long persons = candidate.getProperty(PERSONS).getLong();
            if (ledger.fits(persons)) {
                ledger.addBooked(persons);
                ledger.removeWaiting();
                RegistrationStatus.CONFIRMED.set(candidate);
                candidate.setProperty("promoted", when);
                promoted.add(candidate.getIdentifier());
            }
        }
        return promoted;
    }

    private static long sequence(Node registration) {
        try {
            return registration.getProperty(WAIT_SEQUENCE).getLong();
        } catch (javax.jcr.RepositoryException e) {
            return Long.MAX_VALUE;
        }
    }

    private static BookingOutcome outcomeOf(Node registration) throws javax.jcr.RepositoryException {
        if (RegistrationStatus.WAITLISTED.is(registration)) {
            long ahead = 1;
            long own = sequence(registration);
            for (NodeIterator it = registration.getParent().getNodes(); it.hasNext(); ) {
                Node other = it.nextNode();
                if (RegistrationStatus.WAITLISTED.is(other)
                        && sequence(other) < own) { // is() passes over the folder's access policy (no status)
                    ahead++;
                }
            }
            return new BookingOutcome(RegistrationStatus.WAITLISTED, registration.getIdentifier(), (int) ahead);
        }
        return new BookingOutcome(RegistrationStatus.CONFIRMED, registration.getIdentifier(), null);
    }

    private Node slot(Session session, String slotId) throws javax.jcr.RepositoryException {
        if (!NodesByIdentifier.isIdentifier(slotId)) {
            throw new SlotNotFoundException(slotId);
        }
        try {
            Node slot = NodesByIdentifier.find(session, slotId);
            if (!slot.hasProperty(SlotLedger.CAPACITY)) {
                throw new SlotNotFoundException(slotId);
            }
            return slot;
        } catch (ItemNotFoundException | IllegalArgumentException e) {
            throw new SlotNotFoundException(slotId);
        }
    }

    private Node registration(Session session, String registrationId) throws javax.jcr.RepositoryException {
        if (!NodesByIdentifier.isIdentifier(registrationId)) {
            throw new RegistrationNotFoundException(registrationId);
        }
        try {
            Node node = NodesByIdentifier.find(session, registrationId);
            if (!node.getPath().startsWith("/" + WORKSPACE + "/")) {
                throw new ItemNotFoundException(registrationId);
            }
            return node;
        } catch (ItemNotFoundException | IllegalArgumentException e) {
            throw new RegistrationNotFoundException(registrationId);
        }
    }

    /**
     * The folder of a slot's registrations, created if missing, as an {@code oak:Unstructured} node: that
     * type keeps no child order, so a booking does not rewrite the list of every registration of the slot
     * (readers sort by creation time). Folders created as {@code mgnl:content} by earlier versions stay so
     * and keep working.
     */
    /**
     * The update task of version 0.2.0: moves the booking counters that earlier versions kept on each slot to the
     * slot's registrations folder ({@link SlotLedger}), in the task's session.
     *
     * @return how many slots had counters to move
     */
    public static int moveCountersOfEarlierVersions(Session session) throws javax.jcr.RepositoryException {
        return SlotLedger.moveCountersOfEarlierVersions(session);
    }

    public static Node registrationsFolder(Session session, String slotId) throws javax.jcr.RepositoryException {
        Node root = session.getNode("/" + WORKSPACE);
        return root.hasNode(slotId) ? root.getNode(slotId) : root.addNode(slotId, "oak:Unstructured");
    }

    /** Now, stamped in the clock's zone (the site's, for the platform's clock) rather than the server's default. */
    private Calendar now() {
        GregorianCalendar calendar = new GregorianCalendar(stampZone);
        calendar.setTimeInMillis(clock.millis());
        return calendar;
    }

    static String nodeName(String submissionKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(submissionKey.getBytes(StandardCharsets.UTF_8));
            return "r" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
