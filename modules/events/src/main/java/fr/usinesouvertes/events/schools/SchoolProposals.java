package fr.usinesouvertes.events.schools;

import fr.usinesouvertes.events.edition.Regions;
import fr.usinesouvertes.events.i18n.FrenchDates;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.mail.MailKind;
import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.mail.PreparedMail;
import fr.usinesouvertes.events.mail.QueuedMail;
import fr.usinesouvertes.events.registration.RegistrationLinks;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import org.apache.jackrabbit.commons.JcrUtils;

/**
 * Proposals of a visit to the schools within reach of the sites an edition opens to school groups, per region or per
 * site: one e-mail to the school's official address ({@link ProposalText}), queued in the {@link MailQueue} in the same
 * commit as the proposal's record, by batches of {@value #BATCH}. A school is proposed once per edition, whichever
 * region or site asked, unless the organisers ask to send again. Each proposal is kept at
 * {@code /schools/proposals/<year>/<UAI>} (apart from the directory, so re-importing it keeps them) with its history:
 * proposed, opened (the link followed), declined (the decline link); registered is read from the edition's school
 * registrations carrying the school's UAI.
 */
public final class SchoolProposals {

    static final String PROPOSALS = "/" + SchoolDirectory.WORKSPACE + "/proposals";
    private static final int BATCH = 200;
    /** How long a proposal's links work: beyond any edition's end. */
    private static final Duration LINK_VALIDITY = Duration.ofDays(400);
    /** The purpose signed into the proposals' tokens: they open nothing else. */
    public static final String LINK_PURPOSE = "school-proposal-v1";

    /** Where a proposal stands; {@code REGISTERED} is read from the registrations. */
    public enum Status { PROPOSED, OPENED, DECLINED }

    /** What the organisers chose: every site of a region, or one site. */
    public record Target(String region, String site) {

        public static Target region(String region) {
            return new Target(region, null);
        }

        public static Target site(String slug) {
            return new Target(null, slug);
        }
    }

    /** What a send did: e-mails queued, schools left out as already proposed this edition, schools without address. */
    public record SendResult(int sites, int queued, int alreadyProposed, int withoutAddress) {
    }

    /** A proposal as the link's pages need it. */
    public record Proposal(int year, String uai, String name, String commune, String site, Status status) {
    }

    /** A region's figures: schools proposed, and how many of them opened, registered, declined. */
    public record RegionFigures(String region, int proposed, int opened, int registered, int declined) {
    }

    private final ContentRepository repository;
    private final SchoolsNearSites near;
    private final SchoolVisits visits;
    private final ProposalText text;
    private final MailQueue queue;
    private final Runnable wakeMailer;
    private final RegistrationLinks links;
    private final String publicUrl;
    private final Clock clock;
    private final ZoneId zone;

    public SchoolProposals(ContentRepository repository, SchoolsNearSites near, MailQueue queue, Runnable wakeMailer,
                           RegistrationLinks links, String publicUrl, Clock clock, ZoneId zone) {
        this.repository = repository;
        this.near = near;
        this.visits = new SchoolVisits(zone);
        this.text = new ProposalText(repository);
        this.queue = queue;
        this.wakeMailer = wakeMailer;
        this.links = links;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.zone = zone;
    }

    /** The proposal link of a proposal (the form pre-filled), as e-mailed. */
    public String link(int year, String uai) {
        return publicUrl + "/ecoles/proposition/" + links.sign(year + "/" + uai, clock.instant().plus(LINK_VALIDITY));
    }

    /**
     * Proposes a visit to every school within {@code minutes} of the target's sites, each to the nearest of them;
     * {@code again}: also to the schools already proposed this edition.
     */
    public SendResult send(int year, Target target, int minutes, boolean again, String by) {
        List<SchoolVisits.Site> sites = repository.read(session -> visits.all(session, year)).stream()
                .filter(site -> target.site() != null ? site.slug().equals(target.site())
                        : Regions.same(site.region(), target.region()))
                .toList();
        Map<String, Candidate> nearest = new LinkedHashMap<>();
        for (SchoolVisits.Site site : sites) {
            for (SchoolsNearSites.Match match : near.near(site.latitude(), site.longitude(), site.levels(), minutes)) {
                Candidate known = nearest.get(match.school().uai());
                if (known == null || match.estimate().minutes() < known.minutes()) {
                    nearest.put(match.school().uai(), new Candidate(match.school(), site, match.estimate().minutes()));
                }
            }
        }
        Set<String> proposed = repository.read(session -> proposedUais(session, year));
        List<Candidate> toSend = new ArrayList<>();
        int already = 0;
        int withoutAddress = 0;
        for (Candidate candidate : nearest.values()) {
            if (!again && proposed.contains(candidate.school().uai())) {
                already++;
            } else if (candidate.school().email().isBlank()) {
                withoutAddress++;
            } else {
                toSend.add(candidate);
            }
        }
        Map<String, String> slotLines = new LinkedHashMap<>();
        for (SchoolVisits.Site site : sites) {
            slotLines.put(site.slug(), slotLines(year, site.slug()));
        }
        ProposalText.Text words = text.current();
        for (int from = 0; from < toSend.size(); from += BATCH) {
            List<Candidate> batch = toSend.subList(from, Math.min(toSend.size(), from + BATCH));
            repository.write(session -> {
                for (Candidate candidate : batch) {
                    propose(session, year, candidate, words, slotLines.get(candidate.site().slug()), by);
                }
                return null;
            });
            wakeMailer.run();
        }
        return new SendResult(sites.size(), toSend.size(), already, withoutAddress);
    }

    private record Candidate(School school, SchoolVisits.Site site, int minutes) {
    }

    private void propose(Session session, int year, Candidate candidate, ProposalText.Text words, String slots,
                         String by) throws RepositoryException {
        School school = candidate.school();
        Node node = JcrUtils.getOrCreateByPath(PROPOSALS + "/" + year + "/" + school.uai(), "oak:Unstructured",
                "oak:Unstructured", session, false);
        node.setProperty("name", school.name());
        node.setProperty("commune", school.commune());
        node.setProperty("email", school.email());
        node.setProperty("site", candidate.site().slug());
        node.setProperty("siteName", candidate.site().name());
        node.setProperty("region", candidate.site().region());
        node.setProperty("minutes", (long) candidate.minutes());
        node.setProperty("status", Status.PROPOSED.name());
        history(node, "proposed site=" + candidate.site().slug() + " by=" + by);
        String link = link(year, school.uai());
        Map<String, String> values = Map.of("ecole", school.name(), "commune", school.commune(),
                "usine", candidate.site().name(), "minutes", Integer.toString(candidate.minutes()),
                "creneaux", slots, "lien", link);
        PreparedMail mail = new PreparedMail(school.email(), ProposalText.fill(words.subject(), values),
                ProposalText.fill(words.body(), values) + "\n\n(Temps de trajet estimé, non calculé sur un itinéraire.)",
                List.of("Inscrire une classe (formulaire pré-rempli)", link,
                        "Décliner la proposition", link + "/decliner"));
        queue.enqueue(session, QueuedMail.of(MailKind.PREPARED, "proposal " + year + "/" + school.uai(), publicUrl,
                null, mail.toDetails()));
    }

    private String slotLines(int year, String slug) {
        List<String> lines = new ArrayList<>();
        for (SchoolVisits.Slot slot : repository.read(session -> visits.schoolSlots(session, year, slug))) {
            lines.add("- " + FrenchDates.slot(slot.start(), slot.end(), zone, Lang.FR));
        }
        return String.join("\n", lines);
    }

    /** The proposal a link's token names; empty when the token is bad or the proposal unknown. */
    public Optional<Proposal> fromToken(String token) {
        String id;
        try {
            id = links.verify(token);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return find(id);
    }

    private Optional<Proposal> find(String id) {
        if (!id.matches("[0-9]{4}/[0-9]{7}[A-Z]")) {
            return Optional.empty();
        }
        return repository.read(session -> {
            String path = PROPOSALS + "/" + id;
            if (!session.nodeExists(path)) {
                return Optional.empty();
            }
            Node node = session.getNode(path);
            return Optional.of(new Proposal(Integer.parseInt(id.substring(0, 4)), node.getName(),
                    JcrUtils.getStringProperty(node, "name", ""), JcrUtils.getStringProperty(node, "commune", ""),
                    JcrUtils.getStringProperty(node, "site", ""),
                    Status.valueOf(JcrUtils.getStringProperty(node, "status", Status.PROPOSED.name()))));
        });
    }

    /** The school followed the link: opened, unless it declined since. */
    public void opened(Proposal proposal) {
        mark(proposal, Status.OPENED);
    }

    /** The school declined the proposal. */
    public void declined(Proposal proposal) {
        mark(proposal, Status.DECLINED);
    }

    private void mark(Proposal proposal, Status status) {
        if (proposal.status() == status || (status == Status.OPENED && proposal.status() == Status.DECLINED)) {
            return;
        }
        repository.write(session -> {
            Node node = session.getNode(PROPOSALS + "/" + proposal.year() + "/" + proposal.uai());
            node.setProperty("status", status.name());
            if (status == Status.OPENED && !node.hasProperty("openedAt")) {
                node.setProperty("openedAt", java.util.GregorianCalendar.from(clock.instant().atZone(zone)));
            }
            history(node, status.name().toLowerCase(java.util.Locale.ROOT));
            return null;
        });
    }

    private void history(Node node, String event) throws RepositoryException {
        List<String> history = new ArrayList<>();
        if (node.hasProperty("history")) {
            for (Value value : node.getProperty("history").getValues()) {
                history.add(value.getString());
            }
        }
        history.add(clock.instant() + " " + event);
        node.setProperty("history", history.toArray(String[]::new));
    }

    /** By region of the proposing site: schools proposed, opened, registered (a school registration with their UAI), declined. */
    public List<RegionFigures> figures(int year) {
        return repository.read(session -> {
            Set<String> registered = registeredUais(session, year);
            Map<String, int[]> byRegion = new TreeMap<>(java.text.Collator.getInstance(java.util.Locale.FRENCH));
            String path = PROPOSALS + "/" + year;
            if (session.nodeExists(path)) {
                for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
                    Node node = it.nextNode();
                    int[] counts = byRegion.computeIfAbsent(JcrUtils.getStringProperty(node, "region", ""), r -> new int[4]);
                    String status = JcrUtils.getStringProperty(node, "status", "");
                    counts[0]++;
                    counts[1] += status.equals(Status.OPENED.name()) || registered.contains(node.getName()) ? 1 : 0;
                    counts[2] += registered.contains(node.getName()) ? 1 : 0;
                    counts[3] += status.equals(Status.DECLINED.name()) ? 1 : 0;
                }
            }
            List<RegionFigures> figures = new ArrayList<>();
            byRegion.forEach((region, c) -> figures.add(new RegionFigures(region, c[0], c[1], c[2], c[3])));
            return figures;
        });
    }

    private static Set<String> proposedUais(Session session, int year) throws RepositoryException {
        Set<String> uais = new HashSet<>();
        String path = PROPOSALS + "/" + year;
        if (session.nodeExists(path)) {
            for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
                uais.add(it.nextNode().getName());
            }
        }
        return uais;
    }

    /** The UAIs of the edition's school registrations that still hold or wait for seats. */
    private static Set<String> registeredUais(Session session, int year) throws RepositoryException {
        Set<String> uais = new HashSet<>();
        for (Node registration : SchoolRegistrations.of(session, year)) {
            String uai = JcrUtils.getStringProperty(registration, "uai", "");
            if (!uai.isEmpty() && !"cancelled".equals(JcrUtils.getStringProperty(registration, "status", ""))) {
                uais.add(uai);
            }
        }
        return uais;
    }
}
