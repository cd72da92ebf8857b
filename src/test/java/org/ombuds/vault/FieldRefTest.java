package org.ombuds.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldRefTest {
  @Test
  void associatedData_namesScopeTableColumnAndRow() {
    assertThat(
            new String(
                FieldRef.inCase("c-1", "notes", "body", "42").associatedData(),
                StandardCharsets.UTF_8))
        .isEqualTo("ombuds.field.v1|case:c-1|notes|body|42");
    assertThat(
            new String(
                FieldRef.office("accounts", "totp", "7").associatedData(), StandardCharsets.UTF_8))
        .isEqualTo("ombuds.field.v1|office|accounts|totp|7");
  }

  @Test
  void aCaseNamedOffice_isNotTheOfficeScope() {
    assertThat(FieldRef.inCase("office", "t", "c", "r").associatedData())
        .isNotEqualTo(FieldRef.office("t", "c", "r").associatedData());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "a|b"})
  void badParts_areRefused(String bad) {
    assertThatThrownBy(() -> FieldRef.office(bad, "c", "r"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FieldRef.office("t", bad, "r"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FieldRef.office("t", "c", bad))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FieldRef.inCase(bad, "t", "c", "r"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Office", "case:", "case: ", "c-1", "case"})
  void scopesOtherThanOfficeOrCaseColonId_areRefused(String scope) {
    assertThatThrownBy(() -> new FieldRef(scope, "t", "c", "r"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nullParts_areRefused() {
    assertThatThrownBy(() -> new FieldRef("office", null, "c", "r"))
        .isInstanceOf(NullPointerException.class);
  }
}
