package fr.usinesouvertes.events.moderation;

import fr.usinesouvertes.events.company.SheetSummary;

/**
 * A submitted event sheet waiting for the organisers, with what they need to judge it at a glance.
 *
 * @param company     the company's name
 * @param companySlug the company's node name
 * @param commune     the site's commune, with its department
 */
public record ModerationItem(SheetSummary sheet, String company, String companySlug, String commune, String region,
                             String address, String sector, String siteDescription) {
}
