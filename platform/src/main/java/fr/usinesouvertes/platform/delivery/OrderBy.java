package fr.usinesouvertes.platform.delivery;

/** One key of {@code orderBy}, e.g. {@code mgnl:lastModified desc}. */
record OrderBy(String property, boolean descending) {
}
