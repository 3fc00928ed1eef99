package fr.usinesouvertes.events.mail;

import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.visit.Visit;
import java.util.List;
import java.util.Objects;

/**
 * What a registration e-mail is about.
 *
 * @param kind             which e-mail
 * @param visit            the slot's visit
 * @param registrationId   the registration's identifier (also the calendar UID)
 * @param contactName      whom to greet (visitor, teacher or adviser)
 * @param contactEmail     where to send it
 * @param persons          seats the registration holds
 * @param waitingPosition  1-based place on the waiting list, for {@link MailKind#WAITING_LIST}
 * @param manageLink       the signed link to view or cancel the registration
 * @param lang             the registrant's language
 * @param cancellationReason for {@link MailKind#VISIT_CANCELLED}: why the visit was cancelled
 * @param otherDates       for {@link MailKind#VISIT_CANCELLED}: open slots nearby, nearest first
 * @param directoryLink    for {@link MailKind#VISIT_CANCELLED}: the directory of open factories
 * @param transportFundingRequested a school group asked for help with transport funding (said back to it)
 * @param calendarSequence times the registration was changed: the SEQUENCE of its {@code .ics}
 * @param change           for {@link MailKind#VISIT_CHANGED}: what changed
 * @param ticket           the ticket (its page's address and QR code) of a registration holding seats, or {@code null}
 * @param reminderDays     for {@link MailKind#REMINDER}: days before the visit it was due
 * @param companyMessage   for {@link MailKind#COMPANY_MESSAGE}: what the company wrote
 */
public record RegistrationMail(MailKind kind, Visit visit, String registrationId, String contactName, String contactEmail,
                               int persons, Integer waitingPosition, String manageLink, Lang lang,
                               String cancellationReason, List<OtherDate> otherDates, String directoryLink,
                               boolean transportFundingRequested, int calendarSequence, VisitChange change,
                               TicketImage ticket, int reminderDays, CompanyMessage companyMessage) {

    public RegistrationMail(MailKind kind, Visit visit, String registrationId, String contactName, String contactEmail,
                            int persons, Integer waitingPosition, String manageLink, Lang lang,
                            String cancellationReason, List<OtherDate> otherDates, String directoryLink,
                            boolean transportFundingRequested, int calendarSequence, VisitChange change) {
        this(kind, visit, registrationId, contactName, contactEmail, persons, waitingPosition, manageLink, lang,
                cancellationReason, otherDates, directoryLink, transportFundingRequested, calendarSequence, change,
                null, 0, null);
    }

    public RegistrationMail(MailKind kind, Visit visit, String registrationId, String contactName, String contactEmail,
                            int persons, Integer waitingPosition, String manageLink, Lang lang,
                            String cancellationReason, List<OtherDate> otherDates, String directoryLink,
                            boolean transportFundingRequested) {
        this(kind, visit, registrationId, contactName, contactEmail, persons, waitingPosition, manageLink, lang,
                cancellationReason, otherDates, directoryLink, transportFundingRequested, 0, null);
    }

    public RegistrationMail(MailKind kind, Visit visit, String registrationId, String contactName, String contactEmail,
                            int persons, Integer waitingPosition, String manageLink, Lang lang) {
        this(kind, visit, registrationId, contactName, contactEmail, persons, waitingPosition, manageLink, lang, "",
                List.of(), "", false);
    }

    public RegistrationMail {
        cancellationReason = cancellationReason == null ? "" : cancellationReason;
        otherDates = otherDates == null ? List.of() : List.copyOf(otherDates);
        directoryLink = directoryLink == null ? "" : directoryLink;
        change = change == null ? new VisitChange(null, null, List.of()) : change;
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(contactName, "contactName");
        Objects.requireNonNull(contactEmail, "contactEmail");
        Objects.requireNonNull(manageLink, "manageLink");
        Objects.requireNonNull(lang, "lang");
        if (kind == MailKind.WAITING_LIST && waitingPosition == null) {
            throw new IllegalArgumentException("A waiting-list e-mail gives the position");
        }
        if (kind == MailKind.COMPANY_MESSAGE && companyMessage == null) {
            throw new IllegalArgumentException("A company's message gives its text");
        }
    }
}
