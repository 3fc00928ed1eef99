package fr.usinesouvertes.events.company;

/**
 * A company's sign-up, validated: who signs up and for which company.
 *
 * @param companyName the company's name as it will appear on the site
 * @param siret       14 digits, or null when not given
 * @param contactName the person signing up
 * @param email       login of the account, lower case
 * @param region      the company's region, official spelling (regional sign-up deadlines apply)
 */
public record CompanySignUpForm(String companyName, String siret, String contactName, String email, String region) {
}
