package fr.usinesouvertes.events.survey.results;

import fr.usinesouvertes.events.company.CompanySession;
import fr.usinesouvertes.events.company.CompanySites;
import fr.usinesouvertes.events.company.EventSheets;
import fr.usinesouvertes.events.company.SheetSummary;
import fr.usinesouvertes.events.company.SiteSummary;
import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.export.ExcelCsv;
import fr.usinesouvertes.events.survey.SurveyAnswer;
import fr.usinesouvertes.events.survey.SurveyAnswers;
import fr.usinesouvertes.events.survey.SurveyTally;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Session;
import org.apache.jackrabbit.commons.JcrUtils;

/**
 * The survey's answers of an edition with where they come from: for the organisers every site's (read on the system
 * session), for a company its own sites' only (read on its session, where Oak's access control hides the others'); then
 * counted by audience, site or region ({@link SurveyTally}), or written as CSV, one line per answer.
 */
public final class SurveyResults {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final List<String> HEADERS = List.of("Édition", "Région", "Entreprise", "Site", "Créneau", "Public",
            "Note", "Recommande", "Orientation", "Intérêt pour un emploi", "Intérêts", "Commentaire");

    /** An answer with its visit. */
    public record Row(int edition, String region, String company, String site, String slot, Audience audience,
                      SurveyAnswer answer) {
    }

    private final ContentRepository repository;
    private final CompanySites sites;
    private final EventSheets sheets;
    private final ZoneId zone;

    /** @param zone the site's time zone, in which a slot's time is written */
    public SurveyResults(ContentRepository repository, CompanySites sites, EventSheets sheets, ZoneId zone) {
        this.repository = repository;
        this.sites = sites;
        this.sheets = sheets;
        this.zone = zone;
    }

    /** Every answer of the edition, for the organisers. */
    public List<Row> edition(int year) {
        return repository.read(session -> {
            List<Row> rows = new ArrayList<>();
            if (!session.nodeExists("/events/" + year)) {
                return rows;
            }
            for (NodeIterator it = session.getNode("/events/" + year).getNodes(); it.hasNext(); ) {
                Node sheet = it.nextNode();
                if (!sheet.hasNode("slots") || !sheet.hasProperty("site")) {
                    continue;
                }
                Node site = session.getNodeByIdentifier(sheet.getProperty("site").getString());
                String company = site.hasProperty("company")
                        ? JcrUtils.getStringProperty(session.getNodeByIdentifier(site.getProperty("company").getString()),
                        "name", "") : "";
                for (NodeIterator slots = sheet.getNode("slots").getNodes(); slots.hasNext(); ) {
                    Node slot = slots.nextNode();
                    if (!slot.isNodeType("mix:referenceable") || !slot.hasProperty("start")) {
                        continue;
                    }
                    String when = DAY.format(slot.getProperty("start").getDate().toInstant().atZone(zone));
                    for (SurveyAnswer answer : SurveyAnswers.ofSlot(session, slot.getIdentifier())) {
                        rows.add(new Row(year, JcrUtils.getStringProperty(site, "region", ""), company,
                                JcrUtils.getStringProperty(site, "name", site.getName()), when, answer.audience(), answer));
                    }
                }
            }
            return rows;
        });
    }

    /** The answers of the company's own sites for the edition, read on its session. */
    public List<Row> company(CompanySession company, int year) {
        List<Row> rows = new ArrayList<>();
        for (SiteSummary site : sites.list(company)) {
            Optional<SheetSummary> sheet = sheets.find(company, year, site.slug());
            if (sheet.isEmpty()) {
                continue;
            }
            for (SheetSummary.SlotSummary slot : sheet.get().slots()) {
                String when = slot.dayName() + " " + slot.start();
                for (SurveyAnswer answer : company.read(session -> SurveyAnswers.ofSlot(session, slot.id()))) {
                    rows.add(new Row(year, site.region(), "", site.name(), when, answer.audience(), answer));
                }
            }
        }
        return rows;
    }

    /** The rows counted by {@code key} (e.g. {@link Row#site()}), keys in alphabetical order. */
    public static Map<String, SurveyTally> by(List<Row> rows, Function<Row, String> key) {
        Map<String, SurveyTally> tallies = new TreeMap<>();
        for (Row row : rows) {
            tallies.computeIfAbsent(key.apply(row), k -> new SurveyTally()).add(row.answer());
        }
        return tallies;
    }

    /** Every row counted together. */
    public static SurveyTally total(List<Row> rows) {
        SurveyTally tally = new SurveyTally();
        rows.forEach(row -> tally.add(row.answer()));
        return tally;
    }

    /** One CSV line per answer (Excel-friendly), without the company column for a company's own export. */
    public static void csv(List<Row> rows, boolean organisers, OutputStream out) {
        List<String> headers = organisers ? HEADERS : HEADERS.stream().filter(h -> !h.equals("Entreprise")).toList();
        ExcelCsv csv = ExcelCsv.open(out, headers);
        for (Row row : rows) {
            SurveyAnswer answer = row.answer();
            List<String> cells = new ArrayList<>(List.of(String.valueOf(row.edition()), row.region()));
            if (organisers) {
                cells.add(row.company());
            }
            cells.addAll(List.of(row.site(), row.slot(), row.audience().id(), String.valueOf(answer.rating()),
                    answer.recommend() ? "oui" : "non",
                    answer.orientation() == null ? "" : answer.orientation() ? "oui" : "non",
                    answer.jobInterest() == null ? "" : answer.jobInterest(), String.join(", ", answer.interests()),
                    answer.comment()));
            csv.row(cells);
        }
        csv.flush();
    }
}
