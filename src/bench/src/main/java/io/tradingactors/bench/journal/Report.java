package io.tradingactors.bench.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one run: printed as they come (so a run cut short still tells something) and as a table. */
public final class Report {

  record Line(String backend, String section, String measure, String value, String note) {}

  private final List<Line> lines = new ArrayList<>();
  private final List<String> context = new ArrayList<>();
  private final Path out;

  public Report(Path out) {
    this.out = out;
  }

  public void context(String text) {
    context.add(text);
    System.out.println("# " + text);
  }

  public void add(String backend, String section, String measure, String value, String note) {
    Line line = new Line(backend, section, measure, value, note);
    lines.add(line);
    System.out.printf("RESULT %-8s | %-22s | %-58s | %14s | %s%n", backend, section, measure, value, note);
  }

  public static String num(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3f", v);
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    for (String c : context) {
      md.append("- ").append(c).append('\n');
    }
    md.append('\n').append("| backend | section | measure | value | note |\n| --- | --- | --- | ---: | --- |\n");
    for (Line l : lines) {
      md.append("| ").append(l.backend()).append(" | ").append(l.section()).append(" | ").append(l.measure())
          .append(" | ").append(l.value()).append(" | ").append(l.note()).append(" |\n");
    }
    return md.toString();
  }

  public void write() {
    String md = markdown();
    System.out.println();
    System.out.println(md);
    if (out != null) {
      try {
        Files.writeString(out, md, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
