package org.ombuds.letters;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ombuds.mandate.Outbound;
import org.ombuds.stories.ClearedStory;
import org.ombuds.stories.Disclaimer;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Renders a story of the publication series as Markdown, HTML or PDF. A story drawn from a case is
 * rendered only from the {@link Outbound} of its released disclosure (exactly the text consented
 * to); a story written without a case only from a {@link ClearedStory} (exactly the text checked
 * against the open cases). Nothing is added to the text but markup: the first line is the title,
 * blank lines separate paragraphs, and the disclaimer is part of the text itself.
 */
public final class StoryDocuments {
  private StoryDocuments() {}

  /** The released story as Markdown. */
  public static byte[] markdown(Outbound story) {
    return markdownOf(story.text());
  }

  /** The cleared story as Markdown. */
  public static byte[] markdown(ClearedStory story) {
    return markdownOf(story.text());
  }

  /** The released story as a self-contained HTML page. */
  public static byte[] html(Outbound story) {
    return htmlOf(story.text());
  }

  /** The cleared story as a self-contained HTML page. */
  public static byte[] html(ClearedStory story) {
    return htmlOf(story.text());
  }

  /** The released story as a PDF document. */
  public static byte[] pdf(Outbound story) {
    return pdfOf(story.text());
  }

  /** The cleared story as a PDF document. */
  public static byte[] pdf(ClearedStory story) {
    return pdfOf(story.text());
  }

  private static List<String> paragraphs(String text) {
    return List.of(text.strip().replace("\r\n", "\n").split("\n[ \t]*\n\\s*")).stream()
        .map(String::strip)
        .filter(p -> !p.isEmpty())
        .toList();
  }

  /**
   * Markdown whose rendering shows the text as written: every character Markdown would read as
   * markup is escaped with a backslash (CommonMark renders "\*" as "*"), so "Jane*" stays "Jane*",
   * the disclaimer's leading asterisk is not a bullet and no HTML passes through. Lines keep their
   * breaks (two trailing spaces).
   */
  private static byte[] markdownOf(String text) {
    StringBuilder out = new StringBuilder();
    List<String> paras = paragraphs(text);
    for (int i = 0; i < paras.size(); i++) {
      if (i > 0) {
        out.append("\n\n");
      }
      List<String> lines = paras.get(i).lines().toList();
      for (int j = 0; j < lines.size(); j++) {
        if (j > 0) {
          out.append("  \n");
        }
        out.append(i == 0 && j == 0 ? "# " : "").append(escapeMarkdown(lines.get(j).strip()));
      }
    }
    return out.append('\n').toString().getBytes(StandardCharsets.UTF_8);
  }

  static String escapeMarkdown(String line) {
    StringBuilder b = new StringBuilder(line.length() + 8);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if ("\\`*_[]<>#|~&!".indexOf(c) >= 0
          || (i == 0 && (c == '-' || c == '+' || c == '='))
          || (c == '.' && line.substring(0, i).matches("\\d+"))) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  private static byte[] htmlOf(String text) {
    List<String> paras = paragraphs(text);
    String lang = Disclaimer.languageOf(text);
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"")
        .append(lang)
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escapeHtml(paras.get(0)))
        .append("</title>\n</head>\n<body>\n<article>\n");
    for (int i = 0; i < paras.size(); i++) {
      String tag = i == 0 ? "h1" : "p";
      out.append('<').append(tag).append('>');
      List<String> lines = paras.get(i).lines().map(String::strip).toList();
      for (int j = 0; j < lines.size(); j++) {
        if (j > 0) {
          out.append("<br>\n");
        }
        out.append(escapeHtml(lines.get(j)));
      }
      out.append("</").append(tag).append(">\n");
    }
    out.append("</article>\n</body>\n</html>\n");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String escapeHtml(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static byte[] pdfOf(String text) {
    List<String> paras = paragraphs(text);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 72, 72, 72, 72);
    try {
      PdfWriter.getInstance(doc, bytes);
      doc.addTitle(paras.get(0));
      doc.addCreator("ombuds");
      doc.open();
      Font title = new Font(Font.HELVETICA, 16, Font.BOLD);
      Font body = new Font(Font.HELVETICA, 11, Font.NORMAL);
      for (int i = 0; i < paras.size(); i++) {
        Paragraph p = new Paragraph(paras.get(i), i == 0 ? title : body);
        p.setSpacingBefore(i == 0 ? 0 : 10);
        doc.add(p);
      }
    } catch (DocumentException e) {
      throw new IllegalStateException("The story could not be rendered as PDF");
    } finally {
      doc.close();
    }
    return bytes.toByteArray();
  }
}
