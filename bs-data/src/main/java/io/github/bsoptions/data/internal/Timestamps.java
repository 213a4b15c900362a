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
    if (n >= 20 && s.charAt(n - 1) == 'Z' && s.charAt(4) == '-' && s.charAt(10) == 'T') {
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
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || min > 59 || sec > 60) {
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
