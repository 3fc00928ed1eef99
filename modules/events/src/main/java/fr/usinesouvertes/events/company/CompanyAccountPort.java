package fr.usinesouvertes.events.company;

/** The platform's accounts as company sign-up needs them: is a login taken, create a company user. */
public interface CompanyAccountPort {

    boolean exists(String login);

    /** Creates an account with the COMPANY role, linked to the company node {@code company}. */
    void createCompanyUser(String login, String displayName, char[] password, String company);
}
