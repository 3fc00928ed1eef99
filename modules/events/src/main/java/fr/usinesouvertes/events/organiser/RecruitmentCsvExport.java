package fr.usinesouvertes.events.organiser;

import fr.usinesouvertes.platform.repository.NodesByIdentifier;
import fr.usinesouvertes.events.edition.Regions;
import fr.usinesouvertes.events.export.CsvCells;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The recruitment needs of an edition's sites for the France Travail liaison, as Excel-friendly CSV.
 * Needs live under each event sheet: {@code recruitmentNeeds/<n>} with {@code job}, {@code count}, {@code contractType}.
 */
public final class RecruitmentCsvExport {

    public static final List<String> HEADERS = List.of("Entreprise", "Site", "Commune", "Département", "Région",
            "Métier", "Nombre de postes", "Type de contrat");
    private static final CSVFormat FORMAT = CSVFormat.Builder.create().setDelimiter(';').setRecordSeparator("\r\n")
            .build();

    private final ContentRepository repository;

    public RecruitmentCsvExport(ContentRepository repository) {
        this.repository = repository;
    }

    /** Writes the needs of the edition, of one region only when {@code region} is not null; returns the row count. */
    public int write(int year, String region, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF'); // lets Excel recognise UTF-8
            CSVPrinter printer = new CSVPrinter(writer, FORMAT);
            printer.printRecord(HEADERS);
            int rows = repository.read(session -> print(session, year, region, printer));
            printer.flush();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int print(Session session, int year, String region, CSVPrinter printer) throws RepositoryException {
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
                try {
                    printer.printRecord(row.stream().map(CsvCells::safe).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
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
