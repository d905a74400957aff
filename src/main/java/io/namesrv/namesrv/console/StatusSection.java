package io.namesrv.namesrv.console;

import java.util.List;

/**
 * One contributed section of the console: a title, label/value pairs, and optionally a table
 * ({@code columns}, and {@code rows} of as many cells). Everything is shown as text, never markup.
 */
public record StatusSection(String title, List<Field> fields, List<String> columns, List<List<String>> rows) {

    public StatusSection {
        fields = List.copyOf(fields);
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    /** A section of label/value pairs only. */
    public static StatusSection of(String title, List<Field> fields) {
        return new StatusSection(title, fields, List.of(), List.of());
    }

    public record Field(String label, String value) {
    }
}
