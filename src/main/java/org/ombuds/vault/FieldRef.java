package org.ombuds.vault;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where an encrypted value lives: its scope, table, column and row. The vault binds every field
 * ciphertext to its {@code FieldRef} as associated data, so a ciphertext copied into another row,
 * column, table or case does not decrypt.
 *
 * <p>The scope is {@code "office"} for office-wide fields (encrypted with the office key) or {@code
 * "case:" + caseId} for fields of one case (encrypted with that case's key). The {@code "case:"}
 * prefix keeps a case whose id happens to be {@code "office"} apart from the office scope. All
 * parts must be non-blank and must not contain {@code '|'}, the separator of {@link
 * #associatedData()}.
 *
 * @param scope {@code "office"} or {@code "case:<caseId>"}; use the factories
 * @param table the table name
 * @param column the column name
 * @param row the row id (primary key) as text
 */
public record FieldRef(String scope, String table, String column, String row) {
  /** The scope of office-wide fields. */
  public static final String OFFICE_SCOPE = "office";

  private static final String CASE_PREFIX = "case:";
  private static final String AD_PREFIX = "ombuds.field.v1|";

  /** Validates the parts. */
  public FieldRef {
    checkPart("scope", scope);
    checkPart("table", table);
    checkPart("column", column);
    checkPart("row", row);
    if (!scope.equals(OFFICE_SCOPE)
        && !(scope.startsWith(CASE_PREFIX) && !scope.substring(CASE_PREFIX.length()).isBlank())) {
      throw new IllegalArgumentException(
          "A field scope is \"office\" or \"case:\" followed by a case id");
    }
  }

  /** An office-wide field. */
  public static FieldRef office(String table, String column, String row) {
    return new FieldRef(OFFICE_SCOPE, table, column, row);
  }

  /** A field of the case {@code caseId}. */
  public static FieldRef inCase(String caseId, String table, String column, String row) {
    checkPart("case id", caseId);
    return new FieldRef(CASE_PREFIX + caseId, table, column, row);
  }

  /**
   * The associated data bound to the ciphertext: the UTF-8 bytes of {@code
   * "ombuds.field.v1|scope|table|column|row"}. Unambiguous because no part contains {@code '|'}.
   */
  public byte[] associatedData() {
    return String.join("|", AD_PREFIX + scope, table, column, row).getBytes(StandardCharsets.UTF_8);
  }

  boolean isOffice() {
    return scope.equals(OFFICE_SCOPE);
  }

  boolean isInCase(String caseId) {
    return scope.equals(CASE_PREFIX + caseId);
  }

  static String checkPart(String name, String value) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          "The " + name + " of an encrypted field must not be blank");
    }
    if (value.indexOf('|') >= 0) {
      throw new IllegalArgumentException(
          "The " + name + " of an encrypted field must not contain '|'");
    }
    return value;
  }
}
