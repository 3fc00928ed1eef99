package fr.usinesouvertes.events.metrics;

import fr.usinesouvertes.events.edition.Audience;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The events module's meters, in the platform's registry ({@code /.metrics}). Every tag has few values (an enum's
 * names, {@code unknown}): never a slot or registration id, an e-mail address or a free text.
 *
 * <table>
 *   <caption>Meters (Prometheus names)</caption>
 *   <tr><td>{@code events_registrations_total{outcome, audience}}</td><td>registrations answered, by outcome
 *   ({@code confirmed}, {@code waitlisted}, {@code refused}, {@code rateLimited}, {@code invalid}) and audience
 *   ({@code public}, {@code school}, {@code franceTravail}, {@code company}, {@code unknown})</td></tr>
 *   <tr><td>{@code events_cancellations_total{by}}</td><td>registrations cancelled, by their registrant
 *   ({@code registrant}) or with their visit ({@code visit})</td></tr>
 *   <tr><td>{@code events_waiting_list_promotions_total}</td><td>waiting registrations confirmed when places came free</td></tr>
 *   <tr><td>{@code events_mail_sent_total{kind}}, {@code events_mail_failed_total{kind, permanent}}</td><td>queued
 *   e-mails handed to the transport, attempts that failed</td></tr>
 *   <tr><td>{@code events_mail_queue{state="pending"|"failed"}}</td><td>entries in the mail queue</td></tr>
 * </table>
 */
public final class EventsMetrics {

    /** What {@code register} answered. */
    public enum Outcome {
        CONFIRMED("confirmed"), WAITLISTED("waitlisted"), REFUSED("refused"), RATE_LIMITED("rateLimited"),
        INVALID("invalid");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }
    }

    /** Who cancelled a registration. */
    public enum CancelledBy { REGISTRANT, VISIT }

    private static final String UNKNOWN = "unknown";

    private final MeterRegistry registry;

    public EventsMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Meters that go nowhere, for services built outside a platform (tests, commands). */
    public static EventsMetrics none() {
        return new EventsMetrics(new CompositeMeterRegistry());
    }

    /** @param audience the submission's audience, {@code null} when it named none that exists */
    public void registration(Outcome outcome, Audience audience) {
        Counter.builder("events.registrations").description("Registrations answered, by outcome and audience")
                .tag("outcome", outcome.tag).tag("audience", audience == null ? UNKNOWN : audience.id())
                .register(registry).increment();
    }

    public void cancellations(CancelledBy by, int count) {
        if (count > 0) {
            Counter.builder("events.cancellations").description("Registrations cancelled")
                    .tag("by", by.name().toLowerCase(Locale.ROOT)).register(registry).increment(count);
        }
    }

    public void promotions(int count) {
        if (count > 0) {
            Counter.builder("events.waiting.list.promotions")
                    .description("Waiting registrations confirmed when places came free").register(registry).increment(count);
        }
    }

    /** @param kind the e-mail's kind, an enum's name */
    public void mailSent(String kind) {
        Counter.builder("events.mail.sent").description("Queued e-mails handed to the transport")
                .tag("kind", tagValue(kind)).register(registry).increment();
    }

    /** @param permanent whether retrying cannot help (else the entry is tried again later) */
    public void mailFailed(String kind, boolean permanent) {
        Counter.builder("events.mail.failed").description("Attempts to send a queued e-mail that failed")
                .tag("kind", tagValue(kind)).tag("permanent", Boolean.toString(permanent)).register(registry).increment();
    }

    /**
     * The queue's depth as two gauges read at each scrape from {@code counts}, which should be cheap (e.g. cached
     * for a few seconds).
     */
    public void mailQueue(Supplier<long[]> countsPendingAndFailed) {
        Gauge.builder("events.mail.queue", () -> countsPendingAndFailed.get()[0]).description("Entries in the mail queue")
                .tag("state", "pending").strongReference(true).register(registry);
        Gauge.builder("events.mail.queue", () -> countsPendingAndFailed.get()[1]).description("Entries in the mail queue")
                .tag("state", "failed").strongReference(true).register(registry);
    }

    private static String tagValue(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value.toLowerCase(Locale.ROOT);
    }
}
