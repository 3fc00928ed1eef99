package fr.usinesouvertes.events.organiser;

import fr.usinesouvertes.events.export.ExcelCsv;
import fr.usinesouvertes.platform.repository.NodesByIdentifier;
import fr.usinesouvertes.events.edition.Regions;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.io.OutputStream;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * The recruitment needs of an edition's sites for the France Travail liaison, as Excel-friendly CSV.
 * Needs live under each event sheet: {@code recruitmentNeeds/<n>} with {@code job}, {@code count}, {@code contractType}.
 */
public final class RecruitmentCsvExport {

    public static final List<String> HEADERS = List.of("Entreprise", "Site", "Commune", "Département", "Région",
            "Métier", "Nombre de postes", "Type de contrat");

    private final ContentRepository repository;

    public RecruitmentCsvExport(ContentRepository repository) {
        this.repository = repository;
    }

    /** Writes the needs of the edition, of one region only when {@code region} is not null; returns the row count. */
    public int write(int year, String region, OutputStream out) {
        ExcelCsv csv = ExcelCsv.open(out, HEADERS);
        int rows = repository.read(session -> print(session, year, region, csv));
        csv.flush();
        return rows;
    }

    private static int print(Session session, int year, String region, ExcelCsv csv) throws RepositoryException {
        String path = "/events/" + year;
        int rows = 0;
        if (!session.nodeExists(path)) {
            return 0;
        }
        for (NodeIterator sheets = session.getNode(path).getNodes(); sheets.hasNext(); ) {
            Node sheet = sheets.nextNode();
            if (!sheet.hasNode("recruitmentNeeds") || !session.nodeExists("/sites/" + sheet.getName())) {
                continue;
            }
            Node site = session.getNode("/sites/" + sheet.getName());
            if (region != null && !Regions.same(region, text(site, "region"))) {
                continue;
            }
            String company = companyName(session, text(site, "company"));
            for (NodeIterator needs = sheet.getNode("recruitmentNeeds").getNodes(); needs.hasNext(); ) {
                Node need = needs.nextNode();
                List<String> row = List.of(company, text(site, "name"), text(site, "commune"), text(site, "department"),
                        text(site, "region"), text(need, "job"), text(need, "count"), text(need, "contractType"));
                csv.row(row);
                rows++;
            }
        }
        return rows;
    }

    private static String companyName(Session session, String id) throws RepositoryException {
        Node company = id.isEmpty() ? null : NodesByIdentifier.findIfExists(session, id).orElse(null);
        return company == null ? "" : text(company, "name");
    }

    private static String text(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) && !node.getProperty(name).isMultiple() ? node.getProperty(name).getString() : "";
    }
}
