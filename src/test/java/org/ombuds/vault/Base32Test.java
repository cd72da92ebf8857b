package org.ombuds.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base32Test {
  @ParameterizedTest
  @CsvSource({
    "f,MY",
    "fo,MZXQ",
    "foo,MZXW6",
    "foob,MZXW6YQ",
    "fooba,MZXW6YTB",
    "foobar,MZXW6YTBOI"
  })
  void encode_matchesRfc4648Vectors_withoutPadding(String text, String expected) {
    assertThat(Base32.encode(text.getBytes(StandardCharsets.US_ASCII), Base32.RFC4648))
        .isEqualTo(expected);
  }

  @Test
  void decode_invertsEncode_forEveryLength() {
    Random random = new Random(7);
    for (int length = 0; length < 40; length++) {
      byte[] data = new byte[length];
      random.nextBytes(data);
      String text = Base32.encode(data, Base32.CROCKFORD);
      int[] values = text.chars().map(Base32.CROCKFORD::indexOf).toArray();
      assertThat(Base32.decode(values, length)).isEqualTo(data);
    }
  }

  @Test
  void decode_withNonZeroPaddingBits_isRefused() {
    // "MZ" would be 10 bits for 1 byte: the last 2 bits of Z (25 = 11001) are not zero.
    int[] values = {Base32.RFC4648.indexOf('M'), Base32.RFC4648.indexOf('Z')};
    assertThatThrownBy(() -> Base32.decode(values, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
