package org.ombuds.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ombuds.stories.ClearedStory;
import org.ombuds.stories.Disclaimer;
import org.ombuds.stories.OpenCaseCheck;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

class StoryDocumentsTest {
  private static final String TEXT =
      "Ombuds’ corner: <b>trust</b> & care\n\n"
          + "Ana* said \"no\" to [links](x) and _emphasis_.\nA second line.\n\n"
          + "- not a list\n\n"
          + Disclaimer.ENGLISH;

  private static ClearedStory cleared(String text) {
    return ((OpenCaseCheck.Outcome.Cleared)
            OpenCaseCheck.of(
                "s", 1, text, org.ombuds.mandate.ExitCheck.judge(text, List.of()), Instant.EPOCH))
        .story();
  }

  @Test
  void html_isEscaped_selfContained_andHoldsTheText() {
    String html = new String(StoryDocuments.html(cleared(TEXT)), StandardCharsets.UTF_8);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"en\">")
        .contains("<h1>Ombuds’ corner: &lt;b&gt;trust&lt;/b&gt; &amp; care</h1>")
        .contains("said &quot;no&quot;")
        .contains("emphasis_.<br>\nA second line.")
        .contains("<p>" + Disclaimer.ENGLISH + "</p>")
        .doesNotContain("<b>", "<script", "src=", "href=", "http");
  }

  @Test
  void html_ofAFrenchStory_isInFrench() {
    String html =
        new String(
            StoryDocuments.html(cleared("Titre\n\n" + Disclaimer.FRENCH)), StandardCharsets.UTF_8);
    assertThat(html).contains("<html lang=\"fr\">");
  }

  @Test
  void markdown_escapesEveryMarkupCharacter_soItRendersAsWritten() {
    String md = new String(StoryDocuments.markdown(cleared(TEXT)), StandardCharsets.UTF_8);
    assertThat(md)
        .startsWith("# Ombuds’ corner: \\<b\\>trust\\</b\\> \\& care\n\n")
        .contains("Ana\\* said \"no\" to \\[links\\](x) and \\_emphasis\\_.  \nA second line.")
        .contains("\n\n\\- not a list\n\n")
        .endsWith("\\* Names and story are purely fictitious.\n");
  }

  @Test
  void pdf_holdsTheTextAndNothingElse() throws Exception {
    byte[] pdf = StoryDocuments.pdf(cleared(TEXT));
    PdfReader reader = new PdfReader(pdf);
    String text = new PdfTextExtractor(reader).getTextFromPage(1);
    reader.close();
    assertThat(text.replaceAll("\\s+", " ").strip()).isEqualTo(TEXT.replaceAll("\\s+", " "));
  }
}
