package fr.usinesouvertes.events.export;

/**
 * Makes a value safe to open in a spreadsheet: a cell starting with {@code = + - @} (or a tab or
 * carriage return) would be run as a formula by Excel or LibreOffice, so it gets a leading apostrophe
 * (OWASP "CSV injection").
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
