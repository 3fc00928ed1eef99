package fr.usinesouvertes.platform.admin.authoring.form;

/** The JCR type a text-like field stores its value as. */
public enum ValueType {
    STRING, LONG, DOUBLE, DECIMAL;

    /** From a dialog's {@code type} ({@code java.lang.Long}) or a content type's ({@code Long}). */
    public static ValueType of(String declared) {
        if (declared == null) {
            return STRING;
        }
        String simple = declared.substring(declared.lastIndexOf('.') + 1);
        return switch (simple) {
            case "Long", "Integer", "long", "int" -> LONG;
            case "Double", "double", "Float" -> DOUBLE;
            case "Decimal", "BigDecimal" -> DECIMAL;
            default -> STRING;
        };
    }
}
