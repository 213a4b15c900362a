package io.github.bsoptions.data.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bsoptions.data.error.DataException;
import io.github.bsoptions.data.http.RetryPolicy;
import io.github.bsoptions.data.http.TimeSource;
import io.github.bsoptions.data.ratelimit.TokenBucket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Executes GET requests for a data provider: client-side rate limit, retries with backoff and
 * jitter on retryable failures only, 429 {@code Retry-After}/{@code X-RateLimit-Reset} honoured, a
 * per-call deadline, and HTTP statuses mapped to {@link DataException} types. Messages carry the
 * URL path and the server's message, never request headers (where credentials live). Requests are
 * either built here from a URL or made by a Retrofit service method ({@link #call}).
 */
public final class JsonHttp {
  /** Parses a response body; any exception marks the body malformed (retryable). */
  @FunctionalInterface
  public interface BodyParser<T> {
    /** Parses the body. */
    T parse(byte[] body) throws Exception;
  }

  /** The shared, tolerant JSON mapper. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private final String provider;
  private final OkHttpClient client;
  private final TokenBucket bucket;
  private final RetryPolicy policy;
  private final TimeSource time;
  private final String credentialHint;
  private final SplittableRandom jitter;

  /**
   * Creates the executor.
   *
   * @param provider the provider name for errors
   * @param client the HTTP client (adds credentials itself)
   * @param bucket the client-side rate limiter
   * @param policy the retry policy
   * @param time clocks and sleep
   * @param credentialHint what to tell the user on 401/403 (e.g. which variables to set)
   * @param seed the jitter seed
   */
  public JsonHttp(
      String provider,
      OkHttpClient client,
      TokenBucket bucket,
      RetryPolicy policy,
      TimeSource time,
      String credentialHint,
      long seed) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.client = Objects.requireNonNull(client, "client");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.time = Objects.requireNonNull(time, "time");
    this.credentialHint = credentialHint;
    this.jitter = new SplittableRandom(seed);
  }

  /** Returns the retry policy. */
  public RetryPolicy policy() {
    return policy;
  }

  /** Returns the time source. */
  public TimeSource time() {
    return time;
  }

  /** Returns a deadline (in {@link TimeSource#nanoTime()}) for a call starting now. */
  public long deadline() {
    return time.nanoTime() + policy.deadline().toNanos();
  }

  /** GETs {@code url} and parses the body, retrying within the policy and {@code deadlineNanos}. */
  public <T> T get(HttpUrl url, BodyParser<T> parser, long deadlineNanos) {
    Objects.requireNonNull(url, "url");
    return retrying(() -> once(url, parser), deadlineNanos);
  }

  /**
   * Executes a fresh call from {@code calls} (a Retrofit service method returning the raw body) per
   * attempt and parses the body, with the same rate limit, retries, deadline and error mapping as
   * {@link #get(HttpUrl, BodyParser, long)}. The call runs on the service's OkHttpClient, so its
   * interceptors and timeouts apply.
   */
  public <T> T call(
      Supplier<retrofit2.Call<ResponseBody>> calls, BodyParser<T> parser, long deadlineNanos) {
    Objects.requireNonNull(calls, "calls");
    return retrying(() -> once(calls.get(), parser), deadlineNanos);
  }

  private <T> T retrying(Supplier<T> attemptOnce, long deadlineNanos) {
    DataException.Retryable last = null;
    for (int attempt = 1; ; attempt++) {
      Duration wait = bucket.reserve();
      if (last != null) {
        Duration backoff = jittered(attempt - 1);
        Duration hinted = last.retryAfter().orElse(Duration.ZERO);
        Duration w = max(backoff, hinted);
        wait = max(wait, w);
      }
      if (time.nanoTime() + wait.toNanos() > deadlineNanos) {
        if (last != null) {
          throw last;
        }
        throw new DataException.Retryable(
            provider, "rate limit wait " + wait + " exceeds the call deadline", wait, null);
      }
      sleep(wait);
      try {
        return attemptOnce.get();
      } catch (DataException.Retryable e) {
        last = e;
        if (attempt >= policy.maxAttempts()) {
          throw e;
        }
      }
    }
  }

  private <T> T once(HttpUrl url, BodyParser<T> parser) {
    Request req = new Request.Builder().url(url).get().header("Accept", "application/json").build();
    String where = url.encodedPath();
    Call call = client.newCall(req);
    try (Response resp = call.execute()) {
      return handle(where, resp.code(), resp.headers(), read(where, resp.body()), parser);
    } catch (IOException e) {
      throw ioFailure(where, e);
    }
  }

  private <T> T once(retrofit2.Call<ResponseBody> call, BodyParser<T> parser) {
    String where = call.request().url().encodedPath();
    try {
      retrofit2.Response<ResponseBody> resp = call.execute();
      try (ResponseBody rb = resp.isSuccessful() ? resp.body() : resp.errorBody()) {
        return handle(where, resp.code(), resp.headers(), read(where, rb), parser);
      }
    } catch (IOException e) {
      throw ioFailure(where, e);
    }
  }

  private byte[] read(String where, ResponseBody rb) {
    try {
      return rb == null ? new byte[0] : rb.bytes();
    } catch (IOException e) {
      throw new DataException.Retryable(
          provider, where + ": body read failed (" + e.getClass().getSimpleName() + ")", null, e);
    }
  }

  private DataException.Retryable ioFailure(String where, IOException e) {
    return new DataException.Retryable(
        provider, where + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), null, e);
  }

  private <T> T handle(String where, int code, Headers headers, byte[] body, BodyParser<T> parser) {
    if (code >= 200 && code < 300) {
      try {
        return parser.parse(body);
      } catch (DataException e) {
        throw e;
      } catch (Exception e) {
        throw new DataException.Retryable(
            provider, where + ": malformed response body: " + e.getMessage(), null, e);
      }
    }
    String msg = where + ": HTTP " + code + serverMessage(body);
    if (code == 429) {
      Duration ra = retryAfter(headers);
      if (ra == null) {
        ra = policy.baseDelay();
      }
      bucket.pauseUntil(Instant.ofEpochMilli(time.epochMillis()).plus(ra));
      throw new DataException.Retryable(provider, msg, ra, null);
    }
    if (code == 408 || code >= 500) {
      throw new DataException.Retryable(provider, msg, retryAfter(headers), null);
    }
    if (code == 401 || code == 403) {
      throw new DataException.Authentication(provider, msg + "; " + credentialHint, null);
    }
    if (code == 404) {
      throw new DataException.NotFound(provider, msg, null);
    }
    throw new DataException.Rejected(provider, msg, null);
  }

  private Duration retryAfter(Headers headers) {
    String ra = headers.get("Retry-After");
    long now = time.epochMillis();
    if (ra != null) {
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(ra.trim())));
      } catch (NumberFormatException e) {
        try {
          Instant at =
              ZonedDateTime.parse(ra.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          return Duration.ofMillis(Math.max(0, at.toEpochMilli() - now));
        } catch (RuntimeException ignored) {
          // fall through to the rate-limit headers
        }
      }
    }
    String reset = headers.get("X-RateLimit-Reset");
    if (reset == null) {
      reset = headers.get("X-Ratelimit-Expiry");
    }
    if (reset != null) {
      try {
        long v = Long.parseLong(reset.trim());
        long atMillis = v > 100_000_000_000L ? v : v * 1000; // epoch ms or s
        return Duration.ofMillis(Math.max(0, atMillis - now));
      } catch (NumberFormatException ignored) {
        return null;
      }
    }
    return null;
  }

  private static String serverMessage(byte[] body) {
    if (body.length == 0) {
      return "";
    }
    String text = new String(body, StandardCharsets.UTF_8);
    try {
      JsonNode n = MAPPER.readTree(text);
      if (n != null && n.isObject()) {
        String m = n.path("message").asText(n.path("error").asText(""));
        if (!m.isEmpty()) {
          return ": " + abbreviate(m);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not JSON (e.g. an HTML error page): show the start of the text
    }
    return ": " + abbreviate(text.replaceAll("\\s+", " "));
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  private Duration jittered(int retry) {
    long cap = policy.backoffCap(retry).toNanos();
    long floor = cap / 2;
    long j;
    synchronized (jitter) {
      j = cap - floor <= 0 ? 0 : jitter.nextLong(cap - floor + 1);
    }
    return Duration.ofNanos(floor + j);
  }

  private void sleep(Duration d) {
    if (d.isZero() || d.isNegative()) {
      return;
    }
    try {
      time.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataException.Retryable(provider, "interrupted while waiting to retry", null, e);
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
