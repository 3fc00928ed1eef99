package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.booking.RegistrationStatus;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.events.mail.CompanyMessage;
import fr.usinesouvertes.events.mail.MailKind;
import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.mail.QueuedMail;
import fr.usinesouvertes.events.registration.BookableSlot;
import fr.usinesouvertes.events.registration.FieldError;
import fr.usinesouvertes.events.registration.SlotDirectory;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.jcr.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A company's message to the confirmed registrants of one of its slots ("Écrire aux inscrits de ce créneau"): one
 * {@link MailKind#COMPANY_MESSAGE} e-mail per confirmed registration, queued in the registration e-mails' queue (sent
 * by the mail worker in each registrant's language, with the visit and the link to change or cancel). The platform
 * relays it, one e-mail per registrant (no registrant sees another's address); the form takes no address and the page
 * shows none. The registrations are read on the company's session (another company's slot answers not found), so a
 * company reaches only the registrants of its own slots, those it already sees in its registrations list.
 *
 * <p>The organisers are told: each message is recorded in the private queue workspace,
 * {@code /mailqueue/companyMessages/<id>} (company, slot, account, time, subject, text, recipients), and logged at INFO
 * without the text.
 */
public final class SlotMessages {

    /** Where the messages sent are recorded for the organisers. */
    public static final String RECORDS = "/" + MailQueue.WORKSPACE + "/companyMessages";
    static final int MAX_SUBJECT = 150;
    static final int MIN_TEXT = 10;
    static final int MAX_TEXT = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(SlotMessages.class);

    private final ContentRepository repository;
    private final CompanyRegistrations registrations;
    private final SlotDirectory slots;
    private final MailQueue queue;
    private final Runnable onMailQueued;
    private final PublicUrl publicUrl;
    private final Clock clock;

    public SlotMessages(ContentRepository repository, CompanyRegistrations registrations, SlotDirectory slots,
                        MailQueue queue, Runnable onMailQueued, PublicUrl publicUrl, Clock clock) {
        this.repository = repository;
        this.registrations = registrations;
        this.slots = slots;
        this.queue = queue;
        this.onMailQueued = onMailQueued;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** The slot a company may write about: its visit, and how many confirmed registrations (and persons) it reaches. */
    public record Audience(BookableSlot slot, int registrations, long persons) {
    }

    /**
     * @throws NotFoundException when the slot is not one of the company's
     */
    public Audience audience(CompanySession company, String slotId) {
        List<RegistrationRow> confirmed = confirmed(company, slotId);
        BookableSlot slot = slots.find(slotId).orElseThrow(() -> new NotFoundException("Slot " + slotId));
        return new Audience(slot, confirmed.size(), confirmed.stream().mapToLong(RegistrationRow::persons).sum());
    }

    /** The form's fields, each refused with its reason: {@code subject} (1–150 characters, one line), {@code text} (10–5000). */
    public static List<FieldError> check(Map<String, String> values, Lang lang) {
        List<FieldError> errors = new ArrayList<>();
        String subject = values.getOrDefault("subject", "").strip();
        if (subject.isEmpty()) {
            errors.add(error("subject", lang, "messageError.noSubject"));
        } else if (subject.length() > MAX_SUBJECT) {
            errors.add(error("subject", lang, "messageError.subjectLength", MAX_SUBJECT, subject.length()));
        } else if (subject.chars().anyMatch(c -> c < 0x20)) {
            errors.add(error("subject", lang, "messageError.subjectLines"));
        }
        String text = values.getOrDefault("text", "").strip();
        if (text.isEmpty()) {
            errors.add(error("text", lang, "messageError.noText"));
        } else if (text.length() < MIN_TEXT || text.length() > MAX_TEXT) {
            errors.add(error("text", lang, "messageError.textLength", MIN_TEXT, MAX_TEXT, text.length()));
        }
        return errors;
    }

    /**
     * Queues the message to every confirmed registration of the company's slot, and records it, in one commit.
     *
     * @param account the login of who sends it, kept in the record
     * @return how many e-mails were queued (0 when the slot has no confirmed registration)
     * @throws NotFoundException when the slot is not one of the company's
     * @throws RefusedException  when a field is refused (see {@link #check}), or the slot's visit is cancelled
     */
    public int send(CompanySession company, String slotId, Map<String, String> values, String account, Lang lang) {
        List<FieldError> errors = check(values, lang);
        if (!errors.isEmpty()) {
            throw new RefusedException(errors.get(0).field(), errors.get(0).message());
        }
        List<RegistrationRow> confirmed = confirmed(company, slotId);
        BookableSlot slot = slots.find(slotId).orElseThrow(() -> new NotFoundException("Slot " + slotId));
        if (slot.cancelled()) {
            throw new RefusedException(Messages.of(Messages.COMPANY, lang).text("messageError.visitCancelled"));
        }
        if (confirmed.isEmpty()) {
            return 0;
        }
        CompanyMessage message = new CompanyMessage(slot.visit().company(), values.get("subject").strip(),
                values.get("text").strip());
        String siteUrl = publicUrl.base();
        repository.write(session -> {
            for (RegistrationRow row : confirmed) {
                queue.enqueue(session, QueuedMail.of(MailKind.COMPANY_MESSAGE, row.id(), siteUrl, null, message.toDetails()));
            }
            Node root = session.getNode("/" + MailQueue.WORKSPACE);
            Node records = root.hasNode("companyMessages") ? root.getNode("companyMessages")
                    : root.addNode("companyMessages", "oak:Unstructured");
            Node record = records.addNode("c" + Long.toString(clock.millis(), 36) + "-"
                    + UUID.randomUUID().toString().replace("-", ""), "oak:Unstructured");
            record.setProperty("company", company.company());
            record.setProperty("slot", slotId);
            record.setProperty("account", account);
            GregorianCalendar now = new GregorianCalendar();
            now.setTimeInMillis(clock.millis());
            record.setProperty("sent", now);
            record.setProperty("subject", message.subject());
            record.setProperty("text", message.text());
            record.setProperty("recipients", (long) confirmed.size());
            return null;
        });
        onMailQueued.run();
        LOG.info("Company {} ({}) wrote to the {} confirmed registration(s) of slot {}: \"{}\"", company.company(), account,
                confirmed.size(), slotId, message.subject());
        return confirmed.size();
    }

    /** The confirmed registrations of one of the company's slots, read on its session. */
    private List<RegistrationRow> confirmed(CompanySession company, String slotId) {
        return registrations.list(company, slotId).stream()
                .filter(row -> RegistrationStatus.CONFIRMED.stored().equals(row.status())).toList();
    }

    private static FieldError error(String field, Lang lang, String key, Object... args) {
        return new FieldError(field, Messages.of(Messages.COMPANY, lang).format(key, args));
    }
}
