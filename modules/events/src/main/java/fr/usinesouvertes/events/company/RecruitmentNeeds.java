package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.events.i18n.Lang;

import fr.usinesouvertes.events.registration.FieldError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.NodeIterator;

/**
 * Recruitment needs per site, declared by the company once the edition is over, stored where the
 * organisers' export ({@code RecruitmentCsvExport}, {@code recruitment export}) reads them: under the
 * site's event sheet, {@code recruitmentNeeds/<n>} with {@code job}, {@code count} (Long), {@code contractType}.
 */
public final class RecruitmentNeeds {

    public static final List<String> CONTRACT_TYPES = List.of("CDI", "CDD", "Alternance", "Stage", "Intérim");
    public static final int MAX_ROWS = 10;

    private final Clock clock;
    private final java.time.ZoneId zone;

    /** @param zone the site's time zone: needs are declared once the edition's last day is over there */
    public RecruitmentNeeds(Clock clock, java.time.ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** The validated rows ({@code need.N.job}, {@code .count}, {@code .contractType}; blank rows skipped), or errors. */
    public record Result(List<RecruitmentNeed> needs, List<FieldError> errors) {
    }

    public static Result validate(Map<String, String> values, Lang lang) {
        FormInput input = new FormInput(values, lang);
        List<RecruitmentNeed> needs = new ArrayList<>();
        for (int n = 0; n < MAX_ROWS; n++) {
            String prefix = "need." + n + ".";
            if (!input.present(prefix + "job") && !input.present(prefix + "count")) {
                continue;
            }
            String job = input.text(prefix + "job", true, 200);
            Long count = input.number(prefix + "count", true, 1, 10_000);
            String type = input.text(prefix + "contractType", true, 20);
            if (type != null && !CONTRACT_TYPES.contains(type)) {
                input.error(prefix + "contractType", "recruitmentError.contractType");
            }
            if (job != null && count != null && CONTRACT_TYPES.contains(type)) {
                needs.add(new RecruitmentNeed(job, count, type));
            }
        }
        return new Result(List.copyOf(needs), input.errors());
    }

    /** Whether the edition is over, so that needs may be declared. */
    public boolean open(Edition edition) {
        return CurrentEdition.isOver(edition, clock, zone);
    }

    /** The needs declared for one of the company's sites for an edition. */
    public List<RecruitmentNeed> list(CompanySession company, int year, String siteSlug) {
        return company.read(session -> {
            CompanySites.ownSite(session, company, siteSlug);
            Node sheet = EventSheets.ownSheet(session, year, siteSlug);
            List<RecruitmentNeed> needs = new ArrayList<>();
            if (sheet.hasNode("recruitmentNeeds")) {
                for (NodeIterator it = sheet.getNode("recruitmentNeeds").getNodes(); it.hasNext(); ) {
                    Node need = it.nextNode();
                    if (need.isNodeType("mgnl:contentNode")) {
                        needs.add(new RecruitmentNeed(EventSheets.text(need, "job"), need.getProperty("count").getLong(),
                                EventSheets.text(need, "contractType")));
                    }
                }
            }
            return needs;
        });
    }

    /** Replaces the needs of one of the company's sites, on its own session; refused before the edition is over. */
    public void declare(CompanySession company, Edition edition, String siteSlug, List<RecruitmentNeed> needs) {
        if (!open(edition)) {
            throw new RefusedException("Les besoins de recrutement se déclarent après l'événement.");
        }
        company.write(session -> {
            CompanySites.ownSite(session, company, siteSlug);
            Node sheet = EventSheets.ownSheet(session, edition.year(), siteSlug);
            if (sheet.hasNode("recruitmentNeeds")) {
                sheet.getNode("recruitmentNeeds").remove();
            }
            Node folder = sheet.addNode("recruitmentNeeds"); // default type mgnl:contentNode; naming it needs nodeTypeManagement
            for (int i = 0; i < needs.size(); i++) {
                Node need = folder.addNode(Integer.toString(i));
                need.setProperty("job", needs.get(i).job());
                need.setProperty("count", needs.get(i).count());
                need.setProperty("contractType", needs.get(i).contractType());
            }
            return null;
        });
    }
}
