package org.ombuds.casefile;

/** One IOA uniform reporting category or sub-category, e.g. {@code 2b Respect/Treatment}. */
public record Category(String code, String category, String subCategory) {

  /** The name to show: the sub-category when there is one, else the category. */
  public String label() {
    return subCategory.isEmpty() ? category : category + ": " + subCategory;
  }
}
