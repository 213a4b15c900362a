package io.github.bsoptions.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC-4180-style CSV reader and writer: comma separated, fields optionally in double
 * quotes, {@code ""} for a quote inside a quoted field, quoted fields may span lines; CRLF or LF.
 */
final class Csv {
  private Csv() {}

  /** Reads one record, or returns null at end of input. */
  static List<String> readRecord(BufferedReader in) throws IOException {
    String line = in.readLine();
    if (line == null) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (true) {
      if (i >= line.length()) {
        if (quoted) {
          String next = in.readLine();
          if (next == null) {
            throw new IOException("unterminated quoted field");
          }
          field.append('\n');
          line = next;
          i = 0;
          continue;
        }
        fields.add(field.toString());
        return fields;
      }
      char c = line.charAt(i++);
      if (quoted) {
        if (c == '"') {
          if (i < line.length() && line.charAt(i) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
  }

  /** Appends one record, quoting fields that contain a comma, quote or line break. */
  static void writeRecord(Appendable out, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String f = fields.get(i);
      if (f.indexOf(',') >= 0
          || f.indexOf('"') >= 0
          || f.indexOf('\n') >= 0
          || f.indexOf('\r') >= 0) {
        out.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        out.append(f);
      }
    }
    out.append('\n');
  }
}
