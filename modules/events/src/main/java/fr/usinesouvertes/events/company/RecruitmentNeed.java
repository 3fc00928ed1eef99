package fr.usinesouvertes.events.company;

/**
 * A recruitment need a company declares for a site after the event, for the France Travail liaison.
 *
 * @param contractType one of {@link RecruitmentNeeds#CONTRACT_TYPES}
 */
public record RecruitmentNeed(String job, long count, String contractType) {
}
