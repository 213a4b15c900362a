package io.github.bsoptions.data.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Fast RFC-3339 timestamp parsing (up to 9 fractional digits, {@code Z} or an offset). */
public final class Timestamps {
  private Timestamps() {}

  /**
   * Parses an RFC-3339 timestamp such as {@code 2026-09-14T15:42:07.118204416Z} or {@code
   * 2026-09-14T11:42:07-04:00}; a bare date {@code 2026-09-14} is midnight UTC.
   *
   * @throws IllegalArgumentException when the text is not a timestamp
   */
  public static Instant parse(String s) {
    int n = s.length();
    if (n >= 20
        && s.charAt(n - 1) == 'Z'
        && s.charAt(4) == '-'
        && s.charAt(7) == '-'
        && s.charAt(10) == 'T'
        && s.charAt(13) == ':'
        && s.charAt(16) == ':') {
      try {
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int min = digits(s, 14, 2);
        int sec = digits(s, 17, 2);
        int nanos = 0;
        if (n > 20) {
          if (s.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
            throw new IllegalArgumentException();
          }
          int f = digits(s, 20, n - 21);
          for (int k = n - 21; k < 9; k++) {
            f *= 10;
          }
          nanos = f;
        }
        if (month < 1
            || month > 12
            || day < 1
            || day > monthLength(year, month)
            || hour > 23
            || min > 59
            || sec > 60) {
          throw new IllegalArgumentException();
        }
        long days = epochDay(year, month, day);
        return Instant.ofEpochSecond(days * 86400 + hour * 3600L + min * 60L + sec, nanos);
      } catch (IllegalArgumentException e) {
        // fall through to the strict parser for a precise message
      }
    }
    try {
      if (n == 10) {
        return java.time.LocalDate.parse(s).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an RFC-3339 timestamp: '" + s + "'", e);
    }
  }

  /**
   * Parses a timestamp given as ASCII bytes (a JSON string's content without escapes), as {@link
   * #parse(String)} does, without creating a string for the common {@code ...Z} form.
   *
   * @throws IllegalArgumentException when the text is not a timestamp
   */
  public static Instant parse(byte[] b, int off, int n) {
    if (n >= 20
        && b[off + n - 1] == 'Z'
        && b[off + 4] == '-'
        && b[off + 7] == '-'
        && b[off + 10] == 'T'
        && b[off + 13] == ':'
        && b[off + 16] == ':') {
      int year = digits(b, off, 4);
      int month = digits(b, off + 5, 2);
      int day = digits(b, off + 8, 2);
      int hour = digits(b, off + 11, 2);
      int min = digits(b, off + 14, 2);
      int sec = digits(b, off + 17, 2);
      int nanos = 0;
      boolean ok = (year | month | day | hour | min | sec) >= 0;
      if (n > 20) {
        int f = b[off + 19] == '.' && n - 21 <= 9 && n - 21 >= 1 ? digits(b, off + 20, n - 21) : -1;
        for (int k = n - 21; k < 9 && f >= 0; k++) {
          f *= 10;
        }
        ok &= f >= 0;
        nanos = f;
      }
      if (ok
          && month >= 1
          && month <= 12
          && day >= 1
          && day <= monthLength(year, month)
          && hour <= 23
          && min <= 59
          && sec <= 60) {
        long days = epochDay(year, month, day);
        return Instant.ofEpochSecond(days * 86400 + hour * 3600L + min * 60L + sec, nanos);
      }
    }
    return parse(new String(b, off, n, java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  /** The decimal value of {@code len} ASCII digits, or -1 when one is not a digit. */
  private static int digits(byte[] b, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      int c = b[i] - '0';
      if (c < 0 || c > 9) {
        return -1;
      }
      v = v * 10 + c;
    }
    return v;
  }

  private static int digits(String s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException();
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int monthLength(int y, int m) {
    if (m == 2) {
      return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
    }
    return m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
  }

  /** Days since 1970-01-01 (proleptic Gregorian), as {@code LocalDate.toEpochDay}. */
  private static long epochDay(int y, int m, int d) {
    long yy = m <= 2 ? y - 1 : y;
    long era = Math.floorDiv(yy, 400);
    long yoe = yy - era * 400;
    long mp = (m + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }
}
