package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.booking.RegistrationStatus;
import fr.usinesouvertes.events.config.EventsConfig;
import fr.usinesouvertes.events.booking.BookingChange;
import fr.usinesouvertes.events.booking.BookingChangeRefusedException;
import fr.usinesouvertes.events.booking.BookingOutcome;
import fr.usinesouvertes.events.booking.BookingRequest;
import fr.usinesouvertes.events.booking.RegistrationNotFoundException;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.booking.SlotCancelledException;
import fr.usinesouvertes.events.i18n.FrenchDates;
import fr.usinesouvertes.events.booking.SlotNotFoundException;
import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.events.edition.RegistrationWindow;
import fr.usinesouvertes.events.edition.WindowDecision;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Message;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.events.i18n.Text;
import fr.usinesouvertes.events.mail.MailKind;
import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.mail.QueuedMail;
import fr.usinesouvertes.events.metrics.EventsMetrics;
import fr.usinesouvertes.events.registration.RegistrationValidator.InputKind;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registers visitors on time slots, the same way for the JSON API and the HTML forms: rate limit,
 * validation (honeypot included), slot lookup, audience and sign-up window, per-registration limit,
 * capacity-safe booking with its e-mail queued in the same commit (sent afterwards by the
 * {@link RegistrationMailWorker}). Also views, changes (head count, slot of the same site) and cancels a
 * registration through its signed link, promoting waiting registrations.
 */
public final class RegistrationService {

    /** The refusal code of a group larger than the places left that did not choose the waiting list. */
    public static final String NOT_ENOUGH_PLACES = "notEnoughPlaces";

    private final SlotDirectory slots;
    private final RegistrationValidator validator;
    private final FormLimits limits;
    private final RateLimiter rateLimiter;
    private final EditionStore editions;
    private final RegistrationWindow window;
    private final SlotBooking booking;
    private final RegistrationRecords records;
    private final MailQueue mailQueue;
    private final Runnable onMailQueued;
    private final ManageLinks links;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final ZoneId zone;
    private final EventsMetrics metrics;

    /**
     * @param publicUrl the site's address for links in e-mails
     * @param zone      the site's time zone: a visit's day is its date there
     * @param metrics   counts registrations by outcome and audience, cancellations and promotions
     */
    public RegistrationService(SlotDirectory slots, FormLimits limits, RateLimiter rateLimiter, EditionStore editions,
                               RegistrationWindow window, SlotBooking booking, RegistrationRecords records,
                               MailQueue mailQueue, Runnable onMailQueued, ManageLinks links, PublicUrl publicUrl,
                               Clock clock, ZoneId zone, EventsMetrics metrics) {
        this.metrics = metrics;
        this.slots = slots;
        this.validator = new RegistrationValidator(limits);
        this.limits = limits;
        this.rateLimiter = rateLimiter;
        this.editions = editions;
        this.window = window;
        this.booking = booking;
        this.records = records;
        this.mailQueue = mailQueue;
        this.onMailQueued = onMailQueued;
        this.links = links;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The service as the settings configure it (rate limit, form limits, time zone), with the site's public address.
     *
     * @param onMailQueued called after each commit that queued an e-mail, e.g. {@link RegistrationMailWorker#wake}
     */
    public static RegistrationService from(ContentRepository repository, EventsConfig config, Clock clock,
                                                   MailQueue mailQueue, Runnable onMailQueued, ManageLinks links,
                                                   PublicUrl publicUrl, EventsMetrics metrics) {
        FormLimits limits = FormLimits.from(config);
        ZoneId zone = config.zone();
        return new RegistrationService(new SlotDirectory(repository, limits.maxGroupSize(), zone), limits,
                RateLimiter.from(config, clock), new EditionStore(repository, zone),
                new RegistrationWindow(clock, zone), new SlotBooking(repository, clock), new RegistrationRecords(repository),
                mailQueue, onMailQueued, links, publicUrl, clock, zone, metrics);
    }

    /**
     * Registers one submission.
     *
     * @param input      the fields, decoded JSON or form parameters
     * @param kind       how strictly to read their types
     * @param client     the client's address, for the rate limit
     * @param lang       the language of the messages (the form's own {@code lang} field decides the e-mails')
     */
    public SubmissionResult register(Map<String, ?> input, InputKind kind, String client, Lang lang) {
        SubmissionResult result = decide(input, kind, client, lang);
        count(result, input);
        return result;
    }

    /** Counts what {@link #register} answered; a repeated submission (same registration again) is not counted twice. */
    private void count(SubmissionResult result, Map<String, ?> input) {
        Audience audience = input.get("audience") instanceof String id ? Audience.fromId(id.strip()).orElse(null) : null;
        if (result instanceof SubmissionResult.Booked booked) {
            if (!booked.outcome().repeated()) {
                metrics.registration(booked.outcome().status() == RegistrationStatus.CONFIRMED
                        ? EventsMetrics.Outcome.CONFIRMED : EventsMetrics.Outcome.WAITLISTED, booked.form().audience());
            }
        } else if (result instanceof SubmissionResult.Refused) {
            metrics.registration(EventsMetrics.Outcome.REFUSED, audience);
        } else if (result instanceof SubmissionResult.RateLimited) {
            metrics.registration(EventsMetrics.Outcome.RATE_LIMITED, audience);
        } else {
            metrics.registration(EventsMetrics.Outcome.INVALID, audience);
        }
    }

    private SubmissionResult decide(Map<String, ?> input, InputKind kind, String client, Lang lang) {
        if (!rateLimiter.tryAcquire(client)) {
            return new SubmissionResult.RateLimited(Math.max(1, rateLimiter.secondsUntilNext(client)));
        }
        Object slotField = input.get("slot");
        Optional<BookableSlot> slot = slotField instanceof String id ? slots.find(id.strip()) : Optional.empty();
        int maxSeats = slot.map(BookableSlot::maxPersons).orElse(limits.maxGroupSize() + limits.maxAccompanyingAdults());
        ValidationResult validation = validator.validate(input, kind, maxSeats, lang);
        if (!validation.isValid()) {
            return new SubmissionResult.Invalid(validation.errors());
        }
        RegistrationForm form = validation.form().orElseThrow();
        if (slot.isPresent() && slot.get().wasCancelledAfterPublication()) {
            return cancelled(slot.get(), lang);
        }
        if (slot.isEmpty() || !slot.get().takesRegistrations()) {
            return invalid("slot", lang, "registration.slotUnavailable");
        }
        BookableSlot bookable = slot.get();
        Optional<SubmissionResult> refused = refusal(bookable, form, lang);
        if (refused.isPresent()) {
            return refused.get();
        }
        long placesLeft = kind == InputKind.FORM ? booking.placesLeft(bookable.id()) : 0;
        if (kind == InputKind.FORM && placesLeft > 0 && form.seats() > placesLeft
                && !acceptsWaitingList(input.get(RegistrationValidator.WAITING_LIST))) {
            // on the form, rather than a silent waiting list, the group hears how many places remain and chooses
            // (the JSON API puts it on the waiting list, as documented)
            String key = placesLeft == 1 ? "registration.notEnoughPlaces.one" : "registration.notEnoughPlaces.many";
            return new SubmissionResult.Refused(NOT_ENOUGH_PLACES, text(lang, key, placesLeft, form.seats()));
        }
        String siteUrl = publicUrl.base();
        BookingOutcome outcome;
        try {
            outcome = booking.book(new BookingRequest(bookable.id(), form.seats(), SubmissionKeys.of(form), form::writeTo,
                    (session, booked) -> mailQueue.enqueue(session, QueuedMail.of(
                            booked.status() == RegistrationStatus.CONFIRMED ? MailKind.CONFIRMATION : MailKind.WAITING_LIST,
                            booked.registrationId(), siteUrl, booked.position()))));
        } catch (SlotNotFoundException e) {
            return invalid("slot", lang, "registration.slotGone");
        } catch (SlotCancelledException e) {
            return cancelled(bookable, lang);
        }
        if (!outcome.repeated()) {
            onMailQueued.run();
        }
        String manageLink = links.link(siteUrl, outcome.registrationId(), bookable.visit().end().toInstant(), form.lang());
        return new SubmissionResult.Booked(outcome, bookable, form, manageLink);
    }

    /** The 409 answers: audience not welcome on the slot, or its sign-up window not open now. */
    private Optional<SubmissionResult> refusal(BookableSlot slot, RegistrationForm form, Lang lang) {
        return closed(slot, form.audience(), lang).map(SubmissionResult.class::cast);
    }

    /**
     * Why {@code audience} cannot register for {@code slot} now, or empty when it can: the slot does not take that
     * audience, no such edition, the sign-up window not open yet or closed, the day over, or the visit started.
     * Pages show it before the form.
     */
    public Optional<SubmissionResult.Refused> closed(BookableSlot slot, Audience audience, Lang lang) {
        if (!slot.audiences().contains(audience)) {
            return Optional.of(new SubmissionResult.Refused("audienceNotAllowed",
                    text(lang, "registration.audienceNotAllowed", audience.label())));
        }
        Optional<Edition> edition = editions.find(slot.edition());
        if (edition.isEmpty()) {
            return Optional.of(new SubmissionResult.Refused("registrationClosed",
                    text(lang, "registration.editionNotOpen", slot.edition())));
        }
        if (!clock.instant().isBefore(slot.visit().start().toInstant())) {
            return Optional.of(new SubmissionResult.Refused("registrationClosed",
                    text(lang, "registration.visitStarted")));
        }
        WindowDecision decision = window.visit(edition.get(), slot.region(), audience, day(slot));
        if (!decision.open()) {
            String code = decision.reason() == WindowDecision.Reason.NOT_YET_OPEN ? "registrationNotOpen" : "registrationClosed";
            return Optional.of(new SubmissionResult.Refused(code, decision.message().in(lang)));
        }
        return Optional.empty();
    }

    private static boolean acceptsWaitingList(Object value) {
        return Boolean.TRUE.equals(value) || (value instanceof String text && List.of("true", "on", "1").contains(text.strip()));
    }

    /** The day of the slot's visit, in the site's time zone. */
    private LocalDate day(BookableSlot slot) {
        return slot.visit().start().withZoneSameInstant(zone).toLocalDate();
    }

    /** The 409 answer for a cancelled visit, naming the slot. */
    private SubmissionResult cancelled(BookableSlot slot, Lang lang) {
        return new SubmissionResult.Refused("slotCancelled", slotCancelledMessage(slot).in(lang));
    }

    /** "The visit of <company> on <day>, <start>–<end> (slot <id>) is cancelled", written in the reader's language. */
    public Message slotCancelledMessage(BookableSlot slot) {
        ZonedDateTime start = slot.visit().start().withZoneSameInstant(zone);
        ZonedDateTime end = slot.visit().end().withZoneSameInstant(zone);
        Text when = lang -> FrenchDates.dayWithWeekday(start.toLocalDate(), lang) + ", "
                + FrenchDates.time(start.toLocalTime(), lang) + " – " + FrenchDates.time(end.toLocalTime(), lang);
        return Message.of(Messages.EVENTS, "registration.slotCancelled", slot.visit().company(), slot.visit().site(),
                when, slot.id());
    }

    private static SubmissionResult invalid(String field, Lang lang, String key) {
        return new SubmissionResult.Invalid(List.of(new FieldError(field, text(lang, key))));
    }

    private static String text(Lang lang, String key, Object... args) {
        return Messages.of(Messages.EVENTS, lang).format(key, args);
    }

    /**
     * The registration a signed link points to, for its registrant.
     *
     * @throws InvalidLinkException          when the token is malformed, altered or expired
     * @throws RegistrationNotFoundException when the registration no longer exists
     */
    public ManagedRegistration view(String token) {
        String id = links.verify(token);
        RegistrationRecord record = records.find(id).orElseThrow(() -> new RegistrationNotFoundException(id));
        BookableSlot slot = slots.find(record.slotId()).orElseThrow(() -> new RegistrationNotFoundException(id));
        Integer position = RegistrationStatus.WAITLISTED.stored().equals(record.status()) ? booking.outcome(id).position() : null;
        return new ManagedRegistration(record, slot, position);
    }

    /**
     * Cancels the registration a signed link points to, tells its registrant and those promoted from the
     * waiting list; cancelling twice changes nothing and mails nothing.
     *
     * @throws RegistrationRefusedException once the visit has started
     */
    public ManagedRegistration cancel(String token) {
        ManagedRegistration current = view(token);
        RegistrationRecord record = current.registration();
        if (record.isCancelled()) {
            return current;
        }
        BookableSlot slot = current.slot();
        if (!clock.instant().isBefore(slot.visit().start().toInstant())) {
            throw new RegistrationRefusedException("visitStarted",
                    Message.of(Messages.EVENTS, "registration.cancel.visitStarted"));
        }
        String siteUrl = publicUrl.base();
        List<String> promotedIds = booking.cancel(record.id(), (session, promoted) -> {
            mailQueue.enqueue(session, QueuedMail.of(MailKind.CANCELLATION, record.id(), siteUrl, null));
            for (String id : promoted) {
                mailQueue.enqueue(session, QueuedMail.of(MailKind.PROMOTION, id, siteUrl, null));
            }
        });
        onMailQueued.run();
        metrics.cancellations(EventsMetrics.CancelledBy.REGISTRANT, 1);
        metrics.promotions(promotedIds.size());
        return view(token);
    }
    /**
     * Whether its registrant may still change or cancel it online: not cancelled, visit not started.
     */
    public boolean changeable(ManagedRegistration managed) {
        return !managed.registration().isCancelled() && !managed.slot().cancelled()
                && clock.instant().isBefore(managed.slot().visit().start().toInstant());
    }

    /**
     * The slots a registration may be on after a change: its own first, then the other slots of its site and edition
     * open to its audience, taking registrations (sign-up window open), not started, with places left; by start time.
     */
    public List<ChangeOption> changeOptions(ManagedRegistration managed) {
        List<ChangeOption> options = new java.util.ArrayList<>();
        BookableSlot own = managed.slot();
        options.add(new ChangeOption(own, true, booking.placesLeft(own.id())));
        for (BookableSlot other : slots.sameSheet(own.id())) {
            if (!other.id().equals(own.id()) && movable(other, managed.registration().audience())) {
                long left = booking.placesLeft(other.id());
                if (left > 0) {
                    options.add(new ChangeOption(other, false, left));
                }
            }
        }
        return options;
    }

    private boolean movable(BookableSlot slot, fr.usinesouvertes.events.edition.Audience audience) {
        if (!slot.takesRegistrations() || !slot.audiences().contains(audience)
                || !clock.instant().isBefore(slot.visit().start().toInstant())) {
            return false;
        }
        Optional<Edition> edition = editions.find(slot.edition());
        return edition.isPresent() && window.visit(edition.get(), slot.region(), audience, day(slot)).open();
    }

    /**
     * Changes the registration a signed link points to: its head count ({@code persons}, and
     * {@code accompanyingAdults} for a school group) and/or its slot ({@code slot}: another slot of the same site
     * and edition, see {@link #changeOptions}). A field left out keeps its value. An increase must fit in the places
     * left and a move in the target's places left (a change never goes to a waiting list); a reduction or a move
     * frees places and promotes the waiting list. The registrant gets a {@link MailKind#CHANGED} e-mail (the
     * promoted ones their {@link MailKind#PROMOTION}), queued in the change's commit; the same values again change
     * and send nothing.
     *
     * @throws InvalidLinkException          when the token is malformed, altered or expired
     * @throws RegistrationNotFoundException when the registration no longer exists
     */
    public ChangeResult change(String token, Map<String, ?> input, InputKind kind, Lang lang) {
        ManagedRegistration current = view(token);
        RegistrationRecord record = current.registration();
        if (record.isCancelled() || current.slot().cancelled()) {
            return refused(409, "registrationCancelled", "", lang, "registration.change.cancelled");
        }
        if (!clock.instant().isBefore(current.slot().visit().start().toInstant())) {
            return refused(409, "visitStarted", "", lang, "registration.change.visitStarted");
        }
        BookableSlot target = current.slot();
        Object slotField = input == null ? null : input.get("slot");
        if (slotField != null && !(slotField instanceof String text && (text.isBlank() || text.strip().equals(target.id())))) {
            String id = slotField instanceof String text ? text.strip() : "";
            Optional<BookableSlot> other = slots.sameSheet(current.slot().id()).stream()
                    .filter(slot -> slot.id().equals(id)).findFirst();
            if (other.isEmpty()) {
                return refused(400, "invalid", "slot", lang, "registration.change.otherSlot");
            }
            if (!movable(other.get(), record.audience())) {
                return refused(409, "slotNotAvailable", "slot", lang, "registration.change.slotNotAvailable",
                        record.audience().label());
            }
            target = other.get();
        }
        RegistrationValidator.ChangeCounts counts = validator.validateChange(input, kind, record.audience(),
                record.declaredPersons(), record.accompanyingAdults(), target.maxPersons(), lang);
        if (!counts.isValid()) {
            return new ChangeResult.Refused(400, "invalid", counts.errors());
        }
        String siteUrl = publicUrl.base();
        boolean school = record.audience() == fr.usinesouvertes.events.edition.Audience.SCHOOL;
        BookingChange change;
        try {
            change = booking.change(record.id(), counts.seats(), target.id(), node -> {
                boolean changed = false;
                if (node.getProperty("declaredPersons").getLong() != counts.persons()) {
                    node.setProperty("declaredPersons", (long) counts.persons());
                    changed = true;
                }
                if (school && (!node.hasProperty("accompanyingAdults")
                        || node.getProperty("accompanyingAdults").getLong() != counts.accompanyingAdults())) {
                    node.setProperty("accompanyingAdults", (long) counts.accompanyingAdults());
                    changed = true;
                }
                return changed;
            }, (session, changed) -> {
                mailQueue.enqueue(session, QueuedMail.of(MailKind.CHANGED, record.id(), siteUrl, changed.position()));
                for (String id : changed.promoted()) {
                    mailQueue.enqueue(session, QueuedMail.of(MailKind.PROMOTION, id, siteUrl, null));
                }
            });
        } catch (BookingChangeRefusedException e) {
            if (e.reason() == BookingChangeRefusedException.Reason.CANCELLED) {
                return refused(409, "registrationCancelled", "", lang, "registration.change.cancelled");
            }
            boolean moving = !target.id().equals(record.slotId());
            long left = e.placesLeft();
            String placesLeft = text(lang, left == 0 ? "registration.change.placesLeft.none"
                    : left == 1 ? "registration.change.placesLeft.one" : "registration.change.placesLeft.many", left);
            return moving
                    ? refused(409, "notEnoughPlaces", "slot", lang, "registration.change.notEnoughPlaces", placesLeft,
                            counts.seats())
                    : refused(409, "notEnoughPlaces", "persons", lang, "registration.change.notEnoughPlacesToGrow",
                            placesLeft, record.persons() + left);
        } catch (SlotCancelledException e) {
            return refused(409, "slotCancelled", "slot", lang, "registration.change.slotCancelled");
        }
        if (change.changed()) {
            onMailQueued.run();
            metrics.promotions(change.promoted().size());
        }
        return new ChangeResult.Changed(view(token), change.changed());
    }

    private static ChangeResult refused(int status, String code, String field, Lang lang, String key, Object... args) {
        return new ChangeResult.Refused(status, code, List.of(new FieldError(field, text(lang, key, args))));
    }
}
