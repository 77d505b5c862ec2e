package io.earpiece.plugins.export.salesforce;

/** Quotes values for SOQL string literals, so customer data cannot change a query's meaning. */
final class Soql {
    private Soql() {
    }

    static String literal(String value) {
        StringBuilder b = new StringBuilder("'");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('\'').toString();
    }
}
