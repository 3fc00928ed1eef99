package fr.usinesouvertes.events.search;

import java.util.List;

/** A French commune of the communes table: INSEE code, name, department, postal codes and centre. */
public record Commune(String inseeCode, String name, String department, List<String> postalCodes,
                      double latitude, double longitude, boolean district) {
}
